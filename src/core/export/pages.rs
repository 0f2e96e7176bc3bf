//! The board pack's chart pages: a scene of one model (its caption, the
//! chart, the findings on it) and a comparison of two (both charts with the
//! changes marked, the change sentences under them). A chart whose text
//! would print under 9 pt is split over pages (`split.rs`); the leaders
//! where it is cut say which page their people continue on.

use super::sheet::{
    Badges, CHART_TITLE_H, MIN_PT, PAGE_MARGIN, PackPage, chart_in_box, finding_lines, page_box,
    page_svg, readable_in, scene_model, text_line,
};
use super::split::{Part, split};
use crate::core::diff;
use crate::core::layout::metrics;
use crate::core::model::OrgChart;
use crate::core::theme::Palette;
use crate::core::wording::{and_more, shown_name, thousands};
use crate::core::workspace::{Model, Scene, Workspace};

/// Sentence text size: the pack's findings size.
const SENTENCE_PT: f32 = 12.0;
/// Sentences that fit under the charts; the rest are counted.
const SENTENCES_SHOWN: usize = 6;
/// Room between the two charts of a comparison.
const GAP: f32 = 24.0;

/// A page being written: its paper, palette and SVG body.
struct Sheet<'a> {
    page: (f32, f32),
    palette: &'a Palette,
    body: String,
}

impl<'a> Sheet<'a> {
    fn new(page: (f32, f32), palette: &'a Palette) -> Self {
        Self {
            page,
            palette,
            body: String::new(),
        }
    }

    fn text(&mut self, y: f32, size: f32, bold: bool, line: &str) {
        debug_assert!(size >= MIN_PT);
        text_line(&mut self.body, self.palette, y, size, bold, line);
    }

    /// The heading, and the caption under it if there is one; returns
    /// where the chart may start. A long heading or caption is set smaller
    /// (down to 12 and 11 pt) to stay on the page, and shortened with an
    /// ellipsis past that.
    fn heading(&mut self, heading: &str, caption: &str) -> f32 {
        let width = self.page.0 - 2.0 * PAGE_MARGIN;
        let mut size = 20.0;
        while size > 12.0 && metrics::text_width(heading, size, true) > width {
            size -= 1.0;
        }
        let heading = metrics::fit_line(heading, width, size, true);
        self.text(PAGE_MARGIN + 20.0, size, true, &heading);
        let mut caption_size = 15.0;
        while caption_size > 11.0
            && metrics::text_width(caption.trim(), caption_size, false) > width
        {
            caption_size -= 1.0;
        }
        let caption = metrics::fit_line(caption.trim(), width, caption_size, false);
        if caption.is_empty() {
            PAGE_MARGIN + 34.0
        } else {
            self.text(PAGE_MARGIN + 46.0, caption_size, false, &caption);
            PAGE_MARGIN + 60.0
        }
    }

    /// Lines of sentence text from `y` down (each fitted to the page by
    /// [`wrapped`] first).
    fn lines(&mut self, mut y: f32, lines: &[String]) {
        for line in lines {
            self.text(y, SENTENCE_PT, false, line);
            y += 18.0;
        }
    }

    fn finish(self) -> PackPage {
        PackPage {
            svg: page_svg(self.page, self.palette, &self.body),
        }
    }
}

/// `lines` wrapped to the page's width at the sentence size.
fn wrapped(lines: &[String], page: (f32, f32)) -> Vec<String> {
    let width = page.0 - 2.0 * PAGE_MARGIN;
    let width = width.max(100.0);
    lines
        .iter()
        .flat_map(|line| metrics::wrap_to(line, width, SENTENCE_PT, false))
        .collect()
}

/// Where the chart starts under the heading and `caption`, as
/// [`Sheet::heading`] writes them.
fn chart_top(caption: &str) -> f32 {
    if caption.trim().is_empty() {
        PAGE_MARGIN + 34.0
    } else {
        PAGE_MARGIN + 60.0
    }
}

/// The height the lines under a chart take.
fn lines_height(lines: &[String]) -> f32 {
    if lines.is_empty() {
        0.0
    } else {
        lines.len() as f32 * 18.0 + 16.0
    }
}

/// The badges of one part: the changes (a comparison's), where the people
/// of a leader cut here continue, and how many a folded leader hides.
fn part_badges(part: &Part, changes: &Badges, parts_start: usize) -> Badges {
    let mut badges: Badges = changes
        .iter()
        .filter(|(id, _)| part.chart.contains(id))
        .map(|(id, labels)| (id.clone(), labels.clone()))
        .collect();
    for (id, next) in &part.continued {
        let label = format!("continued on page {}", parts_start + next);
        badges.entry(id.clone()).or_default().push(label);
    }
    for (id, hidden) in &part.folded {
        let label = format!("+{} folded", thousands(*hidden));
        badges.entry(id.clone()).or_default().push(label);
    }
    badges
}

/// The heading of a part after the first: whose people it continues with,
/// and from which page.
fn continued_heading(heading: &str, parts: &[Part], index: usize, start: usize) -> String {
    let part = &parts[index];
    let Some(under) = &part.under else {
        return heading.to_owned();
    };
    let name = shown_name(&part.chart, under);
    let from = parts
        .iter()
        .position(|p| p.continued.iter().any(|(_, next)| *next == index));
    match from {
        Some(from) => format!(
            "{heading}, continued: {name}'s people (from page {})",
            start + from
        ),
        None => format!("{heading}, continued: {name}'s people"),
    }
}

/// `model` with the chart of one part.
fn with_chart(model: &Model, chart: OrgChart) -> Model {
    Model {
        id: model.id.clone(),
        title: model.title.clone(),
        description: String::new(),
        preset: None,
        chart,
    }
}

/// The pages of one scene, the first numbered `first_page`: a comparison's
/// spread, or the scene's chart with its heading, caption and findings
/// (split over more pages when its text would print under 9 pt).
pub fn scene_pages(
    workspace: &Workspace,
    scene: &Scene,
    palette: &Palette,
    page: (f32, f32),
    first_page: usize,
) -> Vec<PackPage> {
    if let Some(pair) = scene.pair(workspace) {
        return comparison_pages(pair, &scene.caption, palette, page, first_page);
    }
    let Some(shown) = scene_model(workspace, scene) else {
        return Vec::new();
    };
    let heading = scene.describe(workspace);
    let caption = scene.caption(workspace);
    let lines = wrapped(&finding_lines(&shown), page);
    // Every part is fitted to the first page's box, the smallest.
    let top = chart_top(&caption);
    let size = (
        page.0 - 2.0 * PAGE_MARGIN,
        page.1 - top - PAGE_MARGIN - lines_height(&lines),
    );
    let parts = split(&shown.chart, &|c| readable_in(c, palette, size));
    let mut pages = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let mut sheet = Sheet::new(page, palette);
        let top = if i == 0 {
            sheet.heading(&heading, &caption)
        } else {
            sheet.heading(&continued_heading(&heading, &parts, i, first_page), "")
        };
        let under = if i == 0 { lines.as_slice() } else { &[] };
        let box_h = page.1 - top - PAGE_MARGIN - lines_height(under);
        let badges = part_badges(part, &Badges::new(), first_page);
        let model = with_chart(&shown, part.chart.clone());
        chart_in_box(
            &mut sheet.body,
            (&model, &badges),
            palette,
            page_box(PAGE_MARGIN, top, size.0, box_h),
            false,
        );
        sheet.lines(top + box_h + 24.0, under);
        pages.push(sheet.finish());
    }
    pages
}

/// The change sentences of a comparison: the first `shown` and a count of
/// the rest, or that there are none.
pub(super) fn change_lines(changes: &diff::ModelDiff, shown: usize) -> Vec<String> {
    let sentences = &changes.sentences;
    let mut lines: Vec<String> = sentences
        .iter()
        .take(shown)
        .map(|s| s.text.clone())
        .collect();
    if sentences.len() > shown {
        lines.push(and_more(sentences.len() - shown, "change"));
    }
    if lines.is_empty() {
        lines.push(diff::NO_CHANGE.to_owned());
    }
    lines
}

/// Two models being compared, and what changes between them.
struct Pair<'a> {
    models: [&'a Model; 2],
    heading: String,
    caption: &'a str,
    changes: diff::ModelDiff,
    /// The changes as badges on each side's cards.
    marks: [Badges; 2],
}

/// The pages comparing two models, the first numbered `first_page`: both
/// charts side by side on one page when their text stays readable, else a
/// spread of pages (the first model's chart, then the second's, each split
/// if it must be, then what changes), the changes marked on both as in the
/// Compare tab. `caption` (a comparison scene's, as written) goes under the
/// heading.
pub fn comparison_pages(
    (a, b): (&Model, &Model),
    caption: &str,
    palette: &Palette,
    page: (f32, f32),
    first_page: usize,
) -> Vec<PackPage> {
    let changes = diff::diff(a, b);
    let pair = Pair {
        models: [a, b],
        heading: format!("{} compared with {}", a.short_title(), b.short_title()),
        caption,
        marks: [
            diff::badge_labels(&changes.left_marks),
            diff::badge_labels(&changes.right_marks),
        ],
        changes,
    };
    side_by_side(&pair, palette, page)
        .map_or_else(|| spread(&pair, palette, page, first_page), |one| vec![one])
}

/// Both charts on one page with the sentences under them, if their text
/// stays readable there.
fn side_by_side(pair: &Pair<'_>, palette: &Palette, page: (f32, f32)) -> Option<PackPage> {
    let [a, b] = pair.models;
    let lines = wrapped(&change_lines(&pair.changes, SENTENCES_SHOWN), page);
    let box_h = page.1 - chart_top(pair.caption) - PAGE_MARGIN - lines_height(&lines);
    let half = (page.0 - 2.0 * PAGE_MARGIN - GAP) / 2.0;
    let beside = (half, box_h - CHART_TITLE_H);
    if !(readable_in(&a.chart, palette, beside) && readable_in(&b.chart, palette, beside)) {
        return None;
    }
    let mut sheet = Sheet::new(page, palette);
    let top = sheet.heading(&pair.heading, pair.caption);
    let left = page_box(PAGE_MARGIN, top, half, box_h);
    chart_in_box(&mut sheet.body, (a, &pair.marks[0]), palette, left, true);
    let right = page_box(PAGE_MARGIN + half + GAP, top, half, box_h);
    chart_in_box(&mut sheet.body, (b, &pair.marks[1]), palette, right, true);
    sheet.lines(top + box_h + 24.0, &lines);
    Some(sheet.finish())
}

/// Each model on pages of its own, full width (split if it must be), then
/// what changes, in full.
fn spread(
    pair: &Pair<'_>,
    palette: &Palette,
    page: (f32, f32),
    first_page: usize,
) -> Vec<PackPage> {
    let size = (
        page.0 - 2.0 * PAGE_MARGIN,
        page.1 - chart_top(pair.caption) - PAGE_MARGIN,
    );
    let mut pages = Vec::new();
    for (side, (model, marks)) in pair.models.iter().zip(&pair.marks).enumerate() {
        let parts = split(&model.chart, &|c| readable_in(c, palette, size));
        let start = first_page + pages.len();
        let own = format!("{}: {}", pair.heading, model.short_title());
        for (i, part) in parts.iter().enumerate() {
            let mut sheet = Sheet::new(page, palette);
            let top = if i == 0 {
                sheet.heading(&own, if side == 0 { pair.caption } else { "" })
            } else {
                sheet.heading(&continued_heading(&own, &parts, i, start), "")
            };
            let badges = part_badges(part, marks, start);
            let shown = with_chart(model, part.chart.clone());
            let place = page_box(PAGE_MARGIN, top, size.0, page.1 - top - PAGE_MARGIN);
            chart_in_box(&mut sheet.body, (&shown, &badges), palette, place, false);
            pages.push(sheet.finish());
        }
    }
    let all = wrapped(&change_lines(&pair.changes, usize::MAX), page);
    let per_page = ((page.1 - chart_top("") - PAGE_MARGIN) / 18.0).max(1.0) as usize;
    let [a, b] = pair.models;
    let what = format!(
        "What changes from {} to {}",
        a.short_title(),
        b.short_title()
    );
    for chunk in all.chunks(per_page) {
        let mut sheet = Sheet::new(page, palette);
        let top = sheet.heading(&what, "");
        sheet.lines(top + 10.0, chunk);
        pages.push(sheet.finish());
    }
    pages
}
