//! What the board pack is printed on and headed with (page size, title,
//! subtitle, author, date, the comparisons to add), and the comparison page:
//! two models' charts side by side with the sentences of what changes.

use std::collections::BTreeMap;
use std::fmt::Write;

use emath::{Rect, pos2, vec2};

use super::{svg, xml};
use crate::core::analysis::findings;
use crate::core::draw;
use crate::core::facts::Facts;
use crate::core::layout;
use crate::core::model::{LeaderId, OrgChart};
use crate::core::theme::Palette;
use crate::core::wording::{FindingStyle, and_more, finding_line};
pub use crate::core::workspace::PageSize;
use crate::core::workspace::{Model, Scene, Workspace};

/// Page margin, in points.
pub(super) const PAGE_MARGIN: f32 = 28.0;
/// One page of the pack before it becomes PDF, drawn at the paper's size
/// (a chart is fitted into its page when the page is made).
#[derive(Clone, Debug, PartialEq)]
pub struct PackPage {
    /// The page as SVG.
    pub svg: String,
    /// Its paper, in points across and down: the pack's, or turned to
    /// portrait for a chart that takes fewer pages that way.
    pub paper: (f32, f32),
}

/// A page of the given size (points), with `body` on the background.
pub(super) fn page_svg(page: (f32, f32), palette: &Palette, body: &str) -> PackPage {
    let view = Rect::from_min_size(pos2(0.0, 0.0), vec2(page.0, page.1));
    PackPage {
        svg: svg::document(view, palette.background, None, body),
        paper: page,
    }
}

/// A line of text at the page's left margin.
pub(super) fn text_line(
    out: &mut String,
    palette: &Palette,
    y: f32,
    size: f32,
    bold: bool,
    text: &str,
) {
    let weight = if bold { r#" font-weight="bold""# } else { "" };
    let _ = write!(
        out,
        r#"<text x="{PAGE_MARGIN}" y="{y}" font-size="{size}"{weight} fill="{}">{}</text>"#,
        palette.text.hex(),
        xml(text)
    );
}

/// How the board pack is headed and printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackOptions {
    /// The title page's heading.
    pub title: String,
    /// A line under it (the meeting, the question), if any.
    pub subtitle: Option<String>,
    /// Who prepared the pack, if said.
    pub author: Option<String>,
    /// The date to print, as written (e.g. "4 December 2026"), if any.
    pub date: Option<String>,
    /// Paper.
    pub page: PageSize,
    /// Pairs of models (by id) to compare on a page each, after the title.
    pub compare: Vec<(String, String)>,
    /// Slides only: each chart as one picture instead of shapes PowerPoint
    /// can edit.
    pub pictures: bool,
    /// PDF only: every page landscape, even where a chart split over pages
    /// would take fewer turned to portrait.
    pub landscape: bool,
}

impl Default for PackOptions {
    fn default() -> Self {
        Self {
            title: "Technology leadership: the options".to_owned(),
            subtitle: None,
            author: None,
            date: None,
            page: PageSize::A4,
            compare: Vec::new(),
            pictures: false,
            landscape: false,
        }
    }
}

impl PackOptions {
    /// The pack as the workspace heads and prints it (its board pack
    /// details; empty ones take the defaults), with no comparison pages.
    pub fn for_workspace(workspace: &Workspace) -> Self {
        let info = &workspace.pack;
        let given = |text: &str| (!text.trim().is_empty()).then(|| text.trim().to_owned());
        Self {
            title: given(&info.title).unwrap_or_else(|| Self::default().title),
            subtitle: given(&info.subtitle),
            author: given(&info.author),
            date: given(&info.date),
            page: info.paper,
            landscape: info.landscape,
            ..Self::default()
        }
    }

    /// These options (as a command line gives them: an empty title or a
    /// `None` is not given; the paper is the file's, which a command line
    /// sets after this; landscape if either says so) over the workspace's
    /// own board pack details.
    #[must_use]
    pub fn over(&self, workspace: &Workspace) -> Self {
        let file = Self::for_workspace(workspace);
        Self {
            title: if self.title.is_empty() {
                file.title
            } else {
                self.title.clone()
            },
            subtitle: self.subtitle.clone().or(file.subtitle),
            author: self.author.clone().or(file.author),
            date: self.date.clone().or(file.date),
            page: file.page,
            compare: self.compare.clone(),
            pictures: self.pictures,
            landscape: self.landscape || file.landscape,
        }
    }
}

/// Change badges by leader, as the compare view shows them.
pub(super) type Badges = BTreeMap<LeaderId, Vec<String>>;

/// Room around a chart for the badges that stick out above and below its
/// cards, in chart units.
const BADGE_ROOM: f32 = 12.0;

/// The smallest text printed, in points: a chart is split over pages
/// rather than drawn smaller.
pub(super) const MIN_PT: f32 = 9.0;

/// Whether `chart` fits a box of `w` x `h` points with its smallest text at
/// least [`MIN_PT`]: laid out only, not drawn.
pub(super) fn readable_in(chart: &OrgChart, palette: &Palette, (w, h): (f32, f32)) -> bool {
    let bounds = layout::layout(&layout::request_for(chart)).bounds;
    if !bounds.is_positive() {
        return true;
    }
    let bounds = bounds.expand(BADGE_ROOM);
    let scale = (w / bounds.width()).min(h / bounds.height()).min(1.5);
    scale * palette.card_font * draw::SMALLEST_TEXT >= MIN_PT
}

/// A box of the page from its top left corner and size, in points.
pub(super) fn page_box(x: f32, y: f32, w: f32, h: f32) -> Rect {
    Rect::from_min_size(pos2(x, y), vec2(w, h))
}

/// Room a chart's title takes at the top of its box.
pub(super) const CHART_TITLE_H: f32 = 22.0;

/// Draws one chart into a box of the page: scaled to fit (a small chart up
/// to 1.5 times, as the chart pages always were), centred, with `badges`
/// under its cards (marked with the `whole` chart's marks when it is a
/// part of one) and, when `titled`, the model's short title at the top of
/// the box (to tell two charts apart).
pub(super) fn chart_in_box(
    out: &mut String,
    (model, badges, whole): (&Model, &Badges, Option<&draw::Marks>),
    palette: &Palette,
    place: Rect,
    titled: bool,
) {
    let (x, y, w, h) = (place.min.x, place.min.y, place.width(), place.height());
    let (y, h) = if titled {
        let _ = write!(
            out,
            r#"<text x="{x}" y="{}" font-size="13" font-weight="bold" fill="{}">{}</text>"#,
            y + 13.0,
            palette.text.hex(),
            xml(&model.short_title())
        );
        (y + CHART_TITLE_H, h - CHART_TITLE_H)
    } else {
        (y, h)
    };
    let facts = Facts::of_part(&model.chart, whole);
    let prims =
        crate::core::facts::model_drawing_with_badges(&facts, &model.chart, palette, badges);
    // What is drawn, badges included, with a hair of room.
    let bounds = draw::extent(&prims);
    if !bounds.is_positive() {
        return;
    }
    let bounds = bounds.expand(2.0);
    let scale = (w / bounds.width()).min(h / bounds.height()).min(1.5);
    let (dx, dy) = (
        x + (w - bounds.width() * scale) / 2.0 - bounds.min.x * scale,
        y + (h - bounds.height() * scale) / 2.0 - bounds.min.y * scale,
    );
    let _ = write!(
        out,
        r#"<g transform="translate({dx} {dy}) scale({scale})">"#
    );
    svg::write_prims(out, &prims);
    out.push_str("</g>");
}

/// Findings named under a scene's chart; the rest are counted.
const SCENE_FINDINGS: usize = 4;

/// The first findings of a chart as lines ("Shared: information security
/// (CIO A, CISO R)"), then "and N more findings" if there are more.
pub(super) fn finding_lines(model: &Model) -> Vec<String> {
    let found = findings(&model.chart);
    let mut lines: Vec<String> = found
        .iter()
        .take(SCENE_FINDINGS)
        .map(|f| finding_line(&model.chart, f, FindingStyle::Graded))
        .collect();
    if found.len() > SCENE_FINDINGS {
        lines.push(and_more(found.len() - SCENE_FINDINGS, "finding"));
    }
    lines
}

/// What a scene of one model shows: the model, cut to the focused
/// leader's part.
pub(super) fn scene_model(workspace: &Workspace, scene: &Scene) -> Option<Model> {
    let model = workspace.model_by_id(&scene.model)?;
    let mut shown = model.clone();
    if let Some(focus) = &scene.focus {
        shown.chart = model.chart.subtree(focus);
    }
    Some(shown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::presets;

    #[test]
    fn the_command_line_overrides_the_files_details_field_by_field() {
        let mut workspace = presets::workspace().unwrap();
        workspace.pack.title = "From the file".into();
        workspace.pack.author = "Office of the CIO".into();
        workspace.pack.date = "  ".into(); // blank: not given
        workspace.pack.paper = PageSize::A3;
        let given = PackOptions {
            title: String::new(),
            author: Some("The adviser".into()),
            landscape: true,
            ..PackOptions::default()
        };
        let pack = given.over(&workspace);
        assert_eq!(pack.title, "From the file");
        assert_eq!(pack.author.as_deref(), Some("The adviser"));
        assert_eq!(pack.date, None);
        assert_eq!(pack.page, PageSize::A3, "the file's paper");
        assert!(pack.landscape, "landscape: the command line says so");
        workspace.pack.landscape = true;
        assert!(
            PackOptions::default().over(&workspace).landscape,
            "or the file"
        );
        let none = PackOptions::for_workspace(&presets::workspace().unwrap());
        assert_eq!(none.title, PackOptions::default().title);
    }
}
