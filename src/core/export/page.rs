//! A page of the board pack being written (its heading, lines of text,
//! charts in boxes), and what the scene pages and the packed parts of a
//! split chart both need: where a chart starts under the heading, the
//! badges and names of a part.

use super::sheet::{Badges, MIN_PT, PAGE_MARGIN, PackPage, page_svg, text_line};
use super::split::Part;
use crate::core::layout::metrics;
use crate::core::model::OrgChart;
use crate::core::theme::Palette;
use crate::core::wording::thousands;
use crate::core::workspace::Model;

/// Sentence text size under a chart: a footnote, still at least 9 pt.
pub(super) const SENTENCE_PT: f32 = 10.5;
/// The height of a line of sentence text.
pub(super) const LINE_PT: f32 = 15.0;
/// A page being written: its paper, palette and SVG body.
pub(super) struct Sheet<'a> {
    page: (f32, f32),
    palette: &'a Palette,
    pub body: String,
}

impl<'a> Sheet<'a> {
    pub(super) fn new(page: (f32, f32), palette: &'a Palette) -> Self {
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
    pub(super) fn heading(&mut self, heading: &str, caption: &str) -> f32 {
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
    pub(super) fn lines(&mut self, mut y: f32, lines: &[String]) {
        for line in lines {
            self.text(y, SENTENCE_PT, false, line);
            y += LINE_PT;
        }
    }

    /// SVG written as it is.
    pub(super) fn raw(&mut self, svg: &str) {
        self.body.push_str(svg);
    }

    pub(super) fn finish(self) -> PackPage {
        page_svg(self.page, self.palette, &self.body)
    }
}

/// `lines` wrapped to the page's width at the sentence size.
pub(super) fn wrapped(lines: &[String], page: (f32, f32)) -> Vec<String> {
    let width = page.0 - 2.0 * PAGE_MARGIN;
    let width = width.max(100.0);
    lines
        .iter()
        .flat_map(|line| metrics::wrap_to(line, width, SENTENCE_PT, false))
        .collect()
}

/// Where the chart starts under the heading and `caption`, as
/// [`Sheet::heading`] writes them.
pub(super) fn chart_top(caption: &str) -> f32 {
    if caption.trim().is_empty() {
        PAGE_MARGIN + 34.0
    } else {
        PAGE_MARGIN + 60.0
    }
}

/// The height the lines under a chart take.
pub(super) fn lines_height(lines: &[String]) -> f32 {
    if lines.is_empty() {
        0.0
    } else {
        lines.len() as f32 * LINE_PT + 16.0
    }
}

/// The badges of one part: the changes (a comparison's), where the people
/// of a leader cut here continue ("continued on page 4", or "slide" as
/// `sheet` says; "on this page" when that is where the part is), and how
/// many a folded leader hides.
pub(super) fn part_badges(
    part: &Part,
    changes: &Badges,
    (page_of, here): (&dyn Fn(usize) -> usize, Option<usize>),
    sheet: &str,
) -> Badges {
    let mut badges: Badges = changes
        .iter()
        .filter(|(id, _)| part.chart.contains(id))
        .map(|(id, labels)| (id.clone(), labels.clone()))
        .collect();
    for (id, next) in &part.continued {
        let page = page_of(*next);
        let label = if Some(page) == here {
            format!("continued on this {sheet}")
        } else {
            format!("continued on {sheet} {page}")
        };
        badges.entry(id.clone()).or_default().push(label);
    }
    for (id, hidden) in &part.folded {
        let label = format!("+{} folded", thousands(*hidden));
        badges.entry(id.clone()).or_default().push(label);
    }
    badges
}

/// The part where the leader whose people part `i` shows was cut: where
/// their card is (every part of a team split into groups says so, not
/// only the first).
pub(super) fn cut_in(parts: &[Part], i: usize) -> Option<usize> {
    let (leader, _) = parts[i].under.as_ref()?;
    parts
        .iter()
        .position(|p| p.continued.iter().any(|(id, _)| id == leader))
}

/// Whose people a part shows: the leader it continues under.
pub(super) fn shown_part_name(part: &Part) -> String {
    part.under
        .as_ref()
        .map_or_else(String::new, |(_, name)| name.clone())
}

/// `model` with the chart of one part.
pub(super) fn with_chart(model: &Model, chart: OrgChart) -> Model {
    Model {
        id: model.id.clone(),
        title: model.title.clone(),
        description: String::new(),
        preset: None,
        chart,
    }
}
