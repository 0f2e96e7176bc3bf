//! What the board pack is printed on and headed with (page size, title,
//! subtitle, author, date, the comparisons to add), and the comparison page:
//! two models' charts side by side with the sentences of what changes.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::pack::{MARGIN, text_line};
use super::{PackPage, svg, xml};
use crate::core::analysis::{findings, holder_names};
use crate::core::diff;
use crate::core::facts::Facts;
use crate::core::model::LeaderId;
use crate::core::scene;
use crate::core::text::{and_more, capitalise, visible};
use crate::core::theme::Palette;
use crate::core::workspace::{Model, Scene, Workspace};

/// Paper, landscape.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum PageSize {
    /// A4, 297 x 210 mm.
    #[default]
    A4,
    /// US Letter, 11 x 8.5 in.
    Letter,
}

impl PageSize {
    /// Width and height in points, landscape.
    pub fn points(self) -> (f32, f32) {
        match self {
            Self::A4 => (842.0, 595.0),
            Self::Letter => (792.0, 612.0),
        }
    }
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
        }
    }
}

impl PackOptions {
    /// The pack as the workspace heads it (its board pack details; empty
    /// ones take the defaults), on A4, with no comparison pages.
    pub fn for_workspace(workspace: &Workspace) -> Self {
        let info = &workspace.pack;
        let given = |text: &str| (!text.trim().is_empty()).then(|| text.trim().to_owned());
        Self {
            title: given(&info.title).unwrap_or_else(|| Self::default().title),
            subtitle: given(&info.subtitle),
            author: given(&info.author),
            date: given(&info.date),
            ..Self::default()
        }
    }

    /// These options (as a command line gives them: an empty title or a
    /// `None` is not given) over the workspace's own board pack details.
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
            page: self.page,
            compare: self.compare.clone(),
        }
    }
}

/// Sentence text size: the pack's findings size.
const SENTENCE_PT: f32 = 12.0;
/// Sentences that fit under the charts; the rest are counted.
const SENTENCES_SHOWN: usize = 6;

/// Change badges by leader, as the compare view shows them.
pub(super) type Badges = BTreeMap<LeaderId, Vec<String>>;

/// Draws one chart into a box of the page: scaled to fit (a small chart up
/// to 1.5 times, as the chart pages always were), centred, with the
/// model's short title above it and `badges` under its cards.
pub(super) fn chart_in_box(
    out: &mut String,
    (model, badges): (&Model, &Badges),
    palette: &Palette,
    (x, y, w, h): (f32, f32, f32, f32),
) {
    let _ = write!(
        out,
        r#"<text x="{x}" y="{}" font-size="13" font-weight="bold" fill="{}">{}</text>"#,
        y - 8.0,
        palette.text.hex(),
        xml(&diff::short_title(model))
    );
    let facts = Facts::of(&model.chart);
    let prims = scene::model_scene_with_badges(&facts, &model.chart, palette, badges);
    let bounds = facts.layout.bounds;
    if !bounds.is_positive() {
        return;
    }
    // Room for the badges that stick out above and below the cards.
    let bounds = bounds.expand(24.0);
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

/// A page comparing two models: both charts side by side, and under them
/// the sentences of what changes from the first to the second; `caption`
/// (a comparison scene's, as written) under the heading.
pub fn comparison_page(
    (a, b): (&Model, &Model),
    caption: &str,
    palette: &Palette,
    page: (f32, f32),
) -> PackPage {
    let mut body = String::new();
    let text = |body: &mut String, y: f32, size: f32, bold: bool, line: &str| {
        text_line(body, palette, y, size, bold, line);
    };
    let heading = format!(
        "{} compared with {}",
        visible(&diff::short_title(a)),
        visible(&diff::short_title(b))
    );
    text(&mut body, MARGIN + 20.0, 20.0, true, &heading);
    let mut top = MARGIN + 56.0;
    if !caption.trim().is_empty() {
        text(&mut body, MARGIN + 46.0, 15.0, false, caption.trim());
        top += 26.0;
    }
    let changes = diff::diff(a, b);
    let sentences = &changes.sentences;
    let shown = sentences.len().min(SENTENCES_SHOWN);
    let extra_line = usize::from(sentences.len() > SENTENCES_SHOWN);
    let text_h = (shown + extra_line + 1) as f32 * 18.0;
    let gap = 24.0;
    let box_w = (page.0 - 2.0 * MARGIN - gap) / 2.0;
    let box_h = page.1 - top - MARGIN - text_h - 12.0;
    // The changes marked on both charts, as in the Compare tab.
    let (left, right) = (
        diff::badge_labels(&changes.left_marks),
        diff::badge_labels(&changes.right_marks),
    );
    chart_in_box(&mut body, (a, &left), palette, (MARGIN, top, box_w, box_h));
    let right_box = (MARGIN + box_w + gap, top, box_w, box_h);
    chart_in_box(&mut body, (b, &right), palette, right_box);
    let mut y = top + box_h + 30.0;
    if sentences.is_empty() {
        text(
            &mut body,
            y,
            SENTENCE_PT,
            false,
            "The two models are the same.",
        );
    }
    for sentence in &sentences[..shown] {
        text(&mut body, y, SENTENCE_PT, false, &sentence.text);
        y += 18.0;
    }
    if extra_line == 1 {
        let more = and_more(sentences.len() - shown, "change");
        text(&mut body, y, SENTENCE_PT, false, &more);
    }
    PackPage {
        svg: super::pack::page_svg(page, palette, &body),
    }
}

/// Findings named under a scene's chart; the rest are counted.
const SCENE_FINDINGS: usize = 4;

/// The first findings of a chart as lines ("Shared: information security
/// (CIO A, CISO R)"), and how many more there are.
pub(super) fn finding_lines(model: &Model) -> (Vec<String>, usize) {
    let found = findings(&model.chart);
    let lines = found
        .iter()
        .take(SCENE_FINDINGS)
        .map(|f| {
            let holders: Vec<String> = holder_names(&model.chart, &f.holders)
                .map(|(name, raci)| format!("{name} {}", raci.letter()))
                .collect();
            let grade = capitalise(f.grade.word());
            format!("{grade}: {} ({})", visible(&f.phrase), holders.join(", "))
        })
        .collect();
    (lines, found.len().saturating_sub(SCENE_FINDINGS))
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

/// The page of one scene: what it shows as the heading, its caption, the
/// chart (cut to the focused leader's part), and under it the findings of
/// what is on the page.
pub fn scene_page(
    workspace: &Workspace,
    scene: &Scene,
    palette: &Palette,
    page: (f32, f32),
) -> Option<PackPage> {
    if let Some(pair) = scene.pair(workspace) {
        return Some(comparison_page(pair, &scene.caption, palette, page));
    }
    let shown = scene_model(workspace, scene)?;
    let mut body = String::new();
    let text = |body: &mut String, y: f32, size: f32, bold: bool, line: &str| {
        text_line(body, palette, y, size, bold, line);
    };
    text(
        &mut body,
        MARGIN + 20.0,
        20.0,
        true,
        &scene.describe(workspace),
    );
    let caption = scene.caption(workspace);
    let mut top = MARGIN + 44.0;
    if !caption.is_empty() {
        text(&mut body, MARGIN + 46.0, 15.0, false, &caption);
        top += 26.0;
    }
    let (lines, more) = finding_lines(&shown);
    let rows = lines.len() + usize::from(more > 0);
    let box_h = page.1 - top - MARGIN - rows as f32 * 18.0 - 16.0;
    chart_in_box(
        &mut body,
        (&shown, &Badges::new()),
        palette,
        (MARGIN, top + 14.0, page.0 - 2.0 * MARGIN, box_h - 14.0),
    );
    let mut y = top + box_h + 24.0;
    for line in &lines {
        text(&mut body, y, SENTENCE_PT, false, line);
        y += 18.0;
    }
    if more > 0 {
        text(&mut body, y, SENTENCE_PT, false, &and_more(more, "finding"));
    }
    Some(PackPage {
        svg: super::pack::page_svg(page, palette, &body),
    })
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
        let given = PackOptions {
            title: String::new(),
            author: Some("The adviser".into()),
            page: PageSize::Letter,
            ..PackOptions::default()
        };
        let pack = given.over(&workspace);
        assert_eq!(pack.title, "From the file");
        assert_eq!(pack.author.as_deref(), Some("The adviser"));
        assert_eq!(pack.date, None);
        assert_eq!(pack.page, PageSize::Letter);
        let none = PackOptions::for_workspace(&presets::workspace().unwrap());
        assert_eq!(none.title, PackOptions::default().title);
    }
}
