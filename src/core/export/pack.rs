//! The board pack: a PDF of a title page, any comparison pages, one page
//! per scene (its chart fitted to the page, with its caption and findings),
//! then the findings of every model, paginated so the text is never
//! smaller than [`FINDINGS_PT`].
//!
//! Every page is an SVG of the paper's size first, turned into a PDF form
//! by svg2pdf and placed on an A4 or US Letter page: landscape, or turned
//! to portrait for a chart that takes fewer pages that way.

use std::collections::HashMap;
use std::fmt::Write;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref};

use super::raster::{RenderError, tree};
use super::xml;
use crate::core::analysis::{self, Grade, findings};
use crate::core::layout::metrics;
use crate::core::text::visible;
use crate::core::theme::Palette;
use crate::core::wording::{FindingStyle, NO_FINDINGS, finding_line, thousands};
use crate::core::workspace::{Model, Workspace};

use super::pages::{comparison_pages, scene_pages};
use super::sheet::{PAGE_MARGIN, PackOptions, PackPage, page_svg, text_line};

/// Findings text size: the readable minimum of the pack.
pub const FINDINGS_PT: f32 = 12.0;
/// Line height of findings text.
const LINE_PT: f32 = 18.0;

/// The title page: title, subtitle, who and when, what the pack holds.
fn title_page(models: &[Model], palette: &Palette, options: &PackOptions) -> PackPage {
    let page = options.page.points();
    let mut body = String::new();
    text_line(&mut body, palette, 190.0, 34.0, true, &options.title);
    let mut y = 230.0;
    if let Some(subtitle) = &options.subtitle {
        text_line(&mut body, palette, y, 18.0, false, subtitle);
        y += 30.0;
    }
    let byline: Vec<&str> = [options.author.as_deref(), options.date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !byline.is_empty() {
        text_line(&mut body, palette, y, 13.0, false, &byline.join(" · "));
        y += 26.0;
    }
    let count = if models.len() == 1 {
        "1 model".to_owned()
    } else {
        format!("{} models", models.len())
    };
    text_line(
        &mut body,
        palette,
        y,
        14.0,
        false,
        &format!("{count}, with who owns what and where ownership overlaps"),
    );
    page_svg(page, palette, &body)
}

/// The summary page: one row per model with its leaders, conflicts,
/// shared responsibilities, gaps and unowned ones.
fn summary_page(models: &[Model], palette: &Palette, options: &PackOptions) -> PackPage {
    let page = options.page.points();
    let mut body = String::new();
    text_line(
        &mut body,
        palette,
        PAGE_MARGIN + 20.0,
        20.0,
        true,
        "Summary",
    );
    summary_table(&mut body, models, palette, page, PAGE_MARGIN + 64.0);
    page_svg(page, palette, &body)
}

/// Columns of the summary table: heading and left edge.
const SUMMARY_COLUMNS: [(&str, f32); 6] = [
    ("Model", PAGE_MARGIN),
    ("Leaders", 470.0),
    ("Conflicts", 540.0),
    ("Shared", 615.0),
    ("Gaps", 680.0),
    ("Unowned", 735.0),
];

/// One row per model: leaders, conflicts, shared, gaps, unowned (from the
/// workspace's vocabulary and the discussion's, as the app counts them).
fn summary_table(
    body: &mut String,
    models: &[Model],
    palette: &Palette,
    page: (f32, f32),
    top: f32,
) {
    // The columns are set for A4; narrower paper draws them closer.
    let across = page.0 / 842.0;
    let catalogue = analysis::catalogue(
        models.iter().map(|m| &m.chart),
        &crate::core::presets::EXTRA_RESPONSIBILITIES,
    );
    let cell = |body: &mut String, x: f32, y: f32, bold: bool, text: &str| {
        let weight = if bold { r#" font-weight="bold""# } else { "" };
        let _ = write!(
            body,
            r#"<text x="{x}" y="{y}" font-size="12"{weight} fill="{}">{}</text>"#,
            palette.text.hex(),
            xml(text)
        );
    };
    for (head, x) in SUMMARY_COLUMNS {
        cell(body, x * across, top, true, head);
    }
    let mut y = top + 20.0;
    for (i, model) in models.iter().enumerate() {
        if y > page.1 - PAGE_MARGIN - 18.0 {
            let more = format!("and {} more models", thousands(models.len() - i));
            cell(body, PAGE_MARGIN, y, false, &more);
            break;
        }
        let findings = findings(&model.chart);
        let count = |g: Grade| findings.iter().filter(|f| f.grade == g).count();
        let title: String = format!("{}. {}", i + 1, visible(&model.title))
            .chars()
            .take(62)
            .collect();
        let values = [
            title,
            thousands(model.chart.len()),
            thousands(count(Grade::Conflict)),
            thousands(count(Grade::Shared)),
            thousands(count(Grade::Gap)),
            thousands(analysis::unowned(&model.chart, &catalogue).len()),
        ];
        for ((_, x), value) in SUMMARY_COLUMNS.iter().zip(&values) {
            cell(body, *x * across, y, false, value);
        }
        y += 18.0;
    }
}

/// The findings of every model as lines: (text, is a heading).
fn findings_lines(models: &[Model], page: (f32, f32)) -> Vec<(String, bool)> {
    let width = page.0 - 2.0 * PAGE_MARGIN;
    let mut lines = Vec::new();
    for model in models {
        lines.push((model.title.clone(), true));
        let found = findings(&model.chart);
        if found.is_empty() {
            lines.push((NO_FINDINGS.to_owned(), false));
        }
        for f in &found {
            let text = finding_line(&model.chart, f, FindingStyle::Listed);
            for line in metrics::wrap_to(&text, width, FINDINGS_PT, false) {
                lines.push((line, false));
            }
        }
    }
    lines
}

fn findings_pages(models: &[Model], palette: &Palette, page: (f32, f32)) -> Vec<PackPage> {
    let lines = findings_lines(models, page);
    let top = PAGE_MARGIN + 40.0;
    let per_page = ((page.1 - top - PAGE_MARGIN) / LINE_PT).floor().max(1.0) as usize;
    let pages = lines.chunks(per_page).count();
    lines
        .chunks(per_page)
        .enumerate()
        .map(|(i, chunk)| {
            let mut body = String::new();
            let heading = if pages > 1 {
                format!("Findings ({} of {pages})", i + 1)
            } else {
                "Findings".to_owned()
            };
            text_line(&mut body, palette, PAGE_MARGIN + 20.0, 22.0, true, &heading);
            for (j, (text, bold)) in chunk.iter().enumerate() {
                let y = top + (j + 1) as f32 * LINE_PT;
                text_line(&mut body, palette, y, FINDINGS_PT, *bold, text);
            }
            page_svg(page, palette, &body)
        })
        .collect()
}

/// The pages of the pack, in order, as SVG: title, one page per scene (the
/// storyboard, or one per model), findings.
pub fn pack_pages(workspace: &Workspace, palette: &Palette) -> Vec<PackPage> {
    pack_pages_with(workspace, palette, &PackOptions::for_workspace(workspace))
}

/// The pages of the pack as `options` head and size them: title, summary,
/// the scenarios tables (when there are scenarios), a comparison page per
/// pair asked for (pairs naming no model are left
/// out), one page per scene, findings.
pub fn pack_pages_with(
    workspace: &Workspace,
    palette: &Palette,
    options: &PackOptions,
) -> Vec<PackPage> {
    let models = &workspace.models;
    let page = options.page.points();
    let mut pages = vec![
        title_page(models, palette, options),
        summary_page(models, palette, options),
    ];
    pages.extend(super::scenarios::scenario_pages(workspace, palette, page));
    let by_id = |id: &str| models.iter().find(|m| m.id.as_str() == id);
    for (a, b) in &options.compare {
        if let (Some(a), Some(b)) = (by_id(a), by_id(b)) {
            let first = pages.len() + 1;
            pages.extend(fewest(page, options, &|paper| {
                comparison_pages((a, b), "", palette, paper, first)
            }));
        }
    }
    for scene in workspace.scenes() {
        let first = pages.len() + 1;
        pages.extend(fewest(page, options, &|paper| {
            scene_pages(workspace, &scene, palette, paper, first)
        }));
    }
    pages.extend(findings_pages(models, palette, page));
    pages
}

/// The pages `make` makes on the pack's `paper` (landscape) and, when that
/// takes more than one, on the paper turned (portrait): whichever takes
/// fewer, landscape on a tie (and always when the `options` say every page
/// is landscape). A chart split over pages is laid out the way that fits
/// it best, as a designer would choose.
fn fewest(
    paper: (f32, f32),
    options: &PackOptions,
    make: &dyn Fn((f32, f32)) -> Vec<PackPage>,
) -> Vec<PackPage> {
    let wide = make(paper);
    if wide.len() <= 1 || options.landscape {
        return wide;
    }
    let tall = make((paper.1, paper.0));
    if tall.len() < wide.len() { tall } else { wide }
}

/// The board pack as PDF bytes, A4, headed as the workspace says.
pub fn board_pack(workspace: &Workspace, palette: &Palette) -> Result<Vec<u8>, RenderError> {
    board_pack_with(workspace, palette, &PackOptions::for_workspace(workspace))
}

/// The board pack as PDF bytes, headed and sized by `options`.
pub fn board_pack_with(
    workspace: &Workspace,
    palette: &Palette,
    options: &PackOptions,
) -> Result<Vec<u8>, RenderError> {
    for scene in workspace.scenes() {
        if let Some(model) = workspace.model_by_id(&scene.model) {
            match &scene.focus {
                Some(focus) => super::picture_fits(&model.chart.subtree(focus))?,
                None => super::picture_fits(&model.chart)?,
            }
        }
        if let Some((_, right)) = scene.pair(workspace) {
            super::picture_fits(&right.chart)?;
        }
    }
    let pages = pack_pages_with(workspace, palette, options);
    if pages.len() > super::raster::MAX_PACK_PAGES {
        return Err(RenderError::TooManyPages { pages: pages.len() });
    }
    pdf_of(&pages)
}

/// The pages as one PDF, each on its own paper.
fn pdf_of(pages: &[PackPage]) -> Result<Vec<u8>, RenderError> {
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let page_tree = alloc.bump();
    let page_ids: Vec<Ref> = pages.iter().map(|_| alloc.bump()).collect();
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(page_tree);
    pdf.pages(page_tree)
        .kids(page_ids.iter().copied())
        .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
    for (page, page_id) in pages.iter().zip(&page_ids) {
        let paper = page.paper;
        let tree = tree(&page.svg)?;
        let (chunk, form) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| RenderError::Pdf(e.to_string()))?;
        let mut map = HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let form = map
            .get(&form)
            .copied()
            .ok_or_else(|| RenderError::Pdf("the page lost its drawing".to_owned()))?;
        let content_id = alloc.bump();
        let name = Name(b"Chart");
        {
            let mut p = pdf.page(*page_id);
            p.media_box(Rect::new(0.0, 0.0, paper.0, paper.1));
            p.parent(page_tree);
            p.contents(content_id);
            p.resources().x_objects().pair(name, form);
            p.finish();
        }
        // The form is a unit square: the page fills the paper.
        let mut content = Content::new();
        content.save_state();
        content.transform([paper.0, 0.0, 0.0, paper.1, 0.0, 0.0]);
        content.x_object(name);
        content.restore_state();
        pdf.stream(content_id, &content.finish());
        pdf.extend(&chunk);
    }
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::presets;
    use crate::core::workspace::Scene;

    #[test]
    fn the_pack_has_a_title_page_a_summary_page_the_models_and_findings() {
        let workspace = presets::workspace().unwrap();
        let models = &workspace.models;
        let pages = pack_pages(&workspace, &Palette::light());
        let findings = pages.len() - 2 - models.len();
        assert!(findings >= 1, "at least one findings page");
        assert!(pages[0].svg.contains("Technology leadership: the options"));
        assert!(pages[0].svg.contains("8 models, with who owns"));
        // The summary page: one row per model with its counts (Peers: 4
        // leaders, no conflict, 1 shared, no gap).
        assert!(pages[1].svg.contains(">Summary<"));
        for head in ["Leaders", "Conflicts", "Shared", "Gaps", "Unowned"] {
            assert!(pages[1].svg.contains(&format!(">{head}<")), "{head}");
        }
        let peers = &pages[1].svg[pages[1].svg.find("1. Peers").unwrap()..];
        let row: Vec<&str> = peers
            .split("</text>")
            .take(5)
            .map(|t| t.rsplit('>').next().unwrap())
            .collect();
        assert_eq!(row[1..], ["4", "0", "1", "0"]);
        let one = Workspace::new(vec![models[0].clone()]);
        assert!(
            pack_pages(&one, &Palette::light())[0]
                .svg
                .contains("1 model, with")
        );
        assert!(pages.last().unwrap().svg.contains("Findings"));
    }

    #[test]
    fn a_storyboard_makes_one_page_per_scene_focused_and_titled() {
        let mut workspace = presets::workspace().unwrap();
        workspace.storyboard = vec![
            Scene {
                model: "enterprise-app-dev".into(),
                compare: None,
                focus: Some(crate::core::model::LeaderId::new("cto")),
                highlight: None,
                caption: String::new(),
                notes: String::new(),
            },
            Scene {
                model: "peers".into(),
                compare: None,
                focus: None,
                highlight: Some("information security".into()),
                caption: String::new(),
                notes: String::new(),
            },
        ];
        let pages = pack_pages(&workspace, &Palette::light());
        // A page per scene: each chart whole at 9 pt or more.
        assert_eq!(pages.len(), 2 + 1 + 1 + 1);
        assert!(pages[2].svg.contains("Enterprise app-dev, focus on CTO"));
        assert!(!pages[2].svg.contains("VP App Dev"), "only the CTO's part");
        assert!(
            pages[3]
                .svg
                .contains("Peers, highlighting information security")
        );
        // Each scene page says what to look at: its caption (here the
        // highlighted finding in words) and the findings on the page.
        assert!(
            pages[3]
                .svg
                .contains("Information security: CIO accountable, CISO responsible")
        );
        assert!(
            pages[3]
                .svg
                .contains("Shared: information security (CIO A, CISO R)")
        );
        assert!(pages[3].svg.contains(">CISO<"), "the whole chart");
        assert!(!pages[3].svg.contains("continued"));
        workspace.storyboard[1].caption = "Security sits with the CIO".into();
        let pages = pack_pages(&workspace, &Palette::light());
        assert!(pages[3].svg.contains("Security sits with the CIO"));
    }

    #[test]
    fn a_comparison_scene_is_a_spread_of_both_charts_with_the_changes() {
        use crate::core::model::LeaderId;
        let mut workspace = presets::workspace().unwrap();
        // Enterprise app-dev with its CTO under the CEO: two charts too
        // wide to print side by side at 9 pt.
        let mut moved = presets::model("enterprise-app-dev").unwrap();
        moved.id = "cto-up".into();
        moved.title = "CTO up".into();
        moved
            .chart
            .set_manager(&LeaderId::new("cto"), Some(&LeaderId::new("ceo")))
            .unwrap();
        workspace.models.push(moved);
        let mut scene = Scene::comparing("enterprise-app-dev".into(), "cto-up".into());
        scene.caption = "The CTO leads".into();
        workspace.storyboard = vec![scene];
        let pages = pack_pages(&workspace, &Palette::light());
        // A page each, the changes marked on both, then what changes.
        assert_eq!(pages.len(), 2 + 3 + 1);
        let (left, right, changes) = (&pages[2].svg, &pages[3].svg, &pages[4].svg);
        assert!(left.contains("compared with CTO up: Enterprise app-dev"));
        assert!(left.contains("The CTO leads"));
        assert!(right.contains("compared with CTO up: CTO up"));
        assert!(left.contains(">moved<") && right.contains(">moved<"));
        assert!(changes.contains("What changes from Enterprise app-dev to CTO up"));
        assert!(changes.contains("CTO now reports to CEO (was CIO)."));
    }

    #[test]
    fn small_charts_are_compared_side_by_side_on_one_page() {
        let mut workspace = presets::workspace().unwrap();
        for model in &mut workspace.models {
            model.chart = model
                .chart
                .subtree(&crate::core::model::LeaderId::new("ciso"));
        }
        workspace.storyboard = vec![Scene::comparing("peers".into(), "traditional".into())];
        let pages = pack_pages(&workspace, &Palette::light());
        assert_eq!(pages.len(), 2 + 1 + 1);
        let page = &pages[2].svg;
        assert!(page.contains("Peers compared with Traditional"));
        // Each chart titled, the sentences under them.
        assert!(page.contains(">Peers<") && page.contains(">Traditional<"));
        workspace.storyboard = vec![Scene::of_model("peers".into())];
        let single = &pack_pages(&workspace, &Palette::light())[2].svg;
        let cisos = |svg: &str| svg.matches(">CISO<").count();
        assert_eq!(cisos(page), 2 * cisos(single));
    }

    #[test]
    fn findings_are_paginated_never_shrunk() {
        // Many models: the findings run over several pages at the same size.
        let one = presets::model("elevator-doors").unwrap();
        let models: Vec<Model> = (0..20).map(|_| one.clone()).collect();
        let pages = findings_pages(
            &models,
            &Palette::light(),
            crate::core::export::PageSize::A4.points(),
        );
        assert!(pages.len() > 2, "{} pages", pages.len());
        for page in &pages {
            assert!(!page.svg.contains(r#"font-size="1""#));
            assert!(page.svg.contains(&format!(r#"font-size="{FINDINGS_PT}""#)));
        }
    }
}
