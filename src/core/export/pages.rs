//! The board pack's chart pages: a scene of one model (its caption, the
//! chart, the findings on it) and a comparison of two (both charts with the
//! changes marked, the change sentences under them). A chart whose text
//! would print under 9 pt is split over pages (`split.rs`); the leaders
//! where it is cut say which page their people continue on.

use super::packing;
use super::page::{LINE_PT, Sheet, chart_top, lines_height, part_badges, wrapped};
use super::sheet::{
    Badges, CHART_TITLE_H, PAGE_MARGIN, PackPage, chart_in_box, finding_lines, page_box,
    readable_in, scene_model,
};
use super::split::{Part, split_best};
use crate::core::diff;
use crate::core::facts::Facts;
use crate::core::theme::Palette;
use crate::core::wording::and_more;
use crate::core::workspace::{Model, Scene, Workspace};

/// Sentences that fit under the charts; the rest are counted.
const SENTENCES_SHOWN: usize = 6;
/// Room between the two charts of a comparison.
const GAP: f32 = 24.0;

/// The box every part of a split chart must fit at a readable size: the
/// first page's (under the heading, caption and `lines`) or a later
/// page's (under the heading and a part's own), whichever is smaller.
fn part_box(page: (f32, f32), caption: &str, lines: &[String]) -> (f32, f32) {
    let first = page.1 - chart_top(caption) - PAGE_MARGIN - lines_height(lines);
    let later = page.1 - chart_top("") - PAGE_MARGIN - packing::PART_HEAD_H;
    (page.0 - 2.0 * PAGE_MARGIN, first.min(later))
}

/// The pages of `template`'s chart: split as its text at 9 pt in a box of
/// `size` needs (in the arrangement that takes fewer pages) and packed;
/// or, when it fits, one page: its heading and caption, the chart, its
/// lines under it.
fn chart_pages(template: packing::Job<'_>, size: (f32, f32)) -> Vec<PackPage> {
    let count = |parts: &[Part]| packing::page_count(&packing::Job { parts, ..template });
    let fits = |c: &crate::core::model::OrgChart| readable_in(c, template.palette, size);
    let parts = split_best(&template.model.chart, &fits, &count);
    if parts.len() > 1 {
        return packing::packed_pages(&packing::Job {
            parts: &parts,
            ..template
        });
    }
    let (page, palette) = (template.page, template.palette);
    let mut sheet = Sheet::new(page, palette);
    let top = sheet.heading(template.heading, template.caption);
    let box_h = page.1 - top - PAGE_MARGIN - lines_height(template.lines);
    let badges = part_badges(
        &parts[0],
        template.changes,
        (&|next| template.first_page + next, None),
        "page",
    );
    chart_in_box(
        &mut sheet.body,
        (template.model, &badges, None),
        palette,
        page_box(PAGE_MARGIN, top, size.0, box_h),
        false,
    );
    sheet.lines(top + box_h + 24.0, template.lines);
    vec![sheet.finish()]
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
    let size = part_box(page, &caption, &lines);
    let no_changes = Badges::new();
    let whole = Facts::marks_of(&shown.chart);
    let template = packing::Job {
        model: &shown,
        marks: &whole,
        parts: &[],
        changes: &no_changes,
        heading: &heading,
        caption: &caption,
        lines: &lines,
        palette,
        page,
        first_page,
    };
    chart_pages(template, size)
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
    chart_in_box(
        &mut sheet.body,
        (a, &pair.marks[0], None),
        palette,
        left,
        true,
    );
    let right = page_box(PAGE_MARGIN + half + GAP, top, half, box_h);
    chart_in_box(
        &mut sheet.body,
        (b, &pair.marks[1], None),
        palette,
        right,
        true,
    );
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
    let mut pages = Vec::new();
    for (side, (model, marks)) in pair.models.iter().zip(&pair.marks).enumerate() {
        let caption = if side == 0 { pair.caption } else { "" };
        let size = part_box(page, caption, &[]);
        let own = format!("{}: {}", pair.heading, model.short_title());
        let whole = Facts::marks_of(&model.chart);
        let template = packing::Job {
            model,
            marks: &whole,
            parts: &[],
            changes: marks,
            heading: &own,
            caption,
            lines: &[],
            palette,
            page,
            first_page: first_page + pages.len(),
        };
        pages.extend(chart_pages(template, size));
    }
    pages.extend(changes_pages(pair, palette, page));
    pages
}

/// What changes between the pair, in full, over as many pages as it
/// needs.
fn changes_pages(pair: &Pair<'_>, palette: &Palette, page: (f32, f32)) -> Vec<PackPage> {
    let mut pages = Vec::new();
    let all = wrapped(&change_lines(&pair.changes, usize::MAX), page);
    let per_page = ((page.1 - chart_top("") - PAGE_MARGIN) / LINE_PT).max(1.0) as usize;
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
