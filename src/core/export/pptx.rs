//! The deck as a PowerPoint file (PPTX): one 16:9 slide per scene (the
//! storyboard, or one per model), the chart as a picture drawn at four
//! times its size so it stays sharp on a projector, and the title, caption
//! and findings (or, for a comparison, the changes) as text that can be
//! edited in PowerPoint; the scene's notes are the slide's speaker notes.
//! After the scenes, the scenarios tables (a baseline and its scenarios) as
//! PowerPoint tables, over as many slides as their rows need at 12 pt.
//!
//! The package is a zip of XML parts (ECMA-376). It is written here with
//! the `zip` crate (calamine's, so no new code is built): no maintained
//! Rust crate writes PowerPoint decks, and the parts a deck needs are few.

mod parts;
mod table;

use std::fmt::Write as _;
use std::io::Write as _;

use super::sheet::{Badges, PackOptions, chart_in_box, finding_lines, page_box, scene_model};
use super::{RenderError, png, xml};
use crate::core::diff;
use crate::core::theme::Palette;
use crate::core::workspace::{Model, Scene, Workspace};
use parts::{HEAD, NS, TREE_START};
use table::{ROW_EMU, SlideTable, table_frame};

/// EMU (English metric units) per point.
const EMU_PER_PT: i64 = 12_700;
/// The slide, 16:9 (13.33 x 7.5 inches).
const SLIDE: (i64, i64) = (12_192_000, 6_858_000);
/// Where the caption, the picture and the findings go, in EMU.
const CAPTION_BOX: (i64, i64, i64, i64) = (457_200, 868_680, 11_277_600, 457_200);
const PICTURE_BOX: (i64, i64, i64, i64) = (457_200, 1_325_880, 11_277_600, 4_206_240);
const LINES_BOX: (i64, i64, i64, i64) = (457_200, 5_577_840, 11_277_600, 1_143_000);
/// How much larger than its place on the slide the picture is drawn.
const PICTURE_SCALE: f32 = 4.0;
/// Change sentences named under a comparison; the rest are counted.
const CHANGES_SHOWN: usize = 4;

/// What one slide says and shows.
struct Slide {
    title: String,
    caption: String,
    lines: Vec<String>,
    notes: String,
    body: Body,
}

/// What fills the slide under its caption.
enum Body {
    /// The chart(s) as PNG, and what it shows, for screen readers.
    Picture { png: Vec<u8>, alt: String },
    /// A table PowerPoint can edit.
    Table(SlideTable),
}

/// What a slide shows: one model (cut to the scene's focus), or two and
/// what changes between them (worked out once for the picture, the lines
/// and the caption).
enum Shown<'a> {
    One(Model),
    Pair([&'a Model; 2], diff::ModelDiff),
}

impl<'a> Shown<'a> {
    fn of(workspace: &'a Workspace, scene: &Scene) -> Option<Self> {
        match scene.pair(workspace) {
            Some((a, b)) => Some(Self::Pair([a, b], diff::diff(a, b))),
            None => scene_model(workspace, scene).map(Self::One),
        }
    }

    /// Refuses, as the board pack does, a chart too big for a picture.
    fn fits(&self) -> Result<(), RenderError> {
        match self {
            Self::One(model) => super::picture_fits(&model.chart),
            Self::Pair(models, _) => models
                .iter()
                .try_for_each(|m| super::picture_fits(&m.chart)),
        }
    }

    /// The picture as SVG, the size of its place on the slide in points:
    /// one chart, or two side by side with the changes marked.
    fn picture_svg(&self, palette: &Palette) -> String {
        let (w, h) = (
            (PICTURE_BOX.2 / EMU_PER_PT) as f32,
            (PICTURE_BOX.3 / EMU_PER_PT) as f32,
        );
        let mut body = String::new();
        match self {
            Self::Pair([a, b], changes) => {
                let gap = 24.0;
                let half = (w - gap) / 2.0;
                let left = diff::badge_labels(&changes.left_marks);
                let right = diff::badge_labels(&changes.right_marks);
                chart_in_box(
                    &mut body,
                    (a, &left),
                    palette,
                    page_box(0.0, 0.0, half, h),
                    true,
                );
                let right_box = page_box(half + gap, 0.0, half, h);
                chart_in_box(&mut body, (b, &right), palette, right_box, true);
            }
            Self::One(model) => {
                let place = page_box(0.0, 0.0, w, h);
                chart_in_box(&mut body, (model, &Badges::new()), palette, place, false);
            }
        }
        super::svg::document(page_box(0.0, 0.0, w, h), palette.background, None, &body)
    }

    /// The lines under the picture: the findings on a model's scene, the
    /// changes on a comparison.
    fn lines(&self) -> Vec<String> {
        match self {
            Self::Pair(_, changes) => super::pages::change_lines(changes, CHANGES_SHOWN),
            Self::One(model) => finding_lines(model),
        }
    }
}

fn slide_of(workspace: &Workspace, scene: &Scene, palette: &Palette) -> Result<Slide, RenderError> {
    let shown = Shown::of(workspace, scene)
        .ok_or_else(|| RenderError::Svg("the scene names no model of the file".to_owned()))?;
    shown.fits()?;
    let title = match (scene.compare.is_some(), workspace.model_by_id(&scene.model)) {
        (false, Some(model)) if scene.focus.is_none() => model.title.clone(),
        _ => scene.describe(workspace),
    };
    // A comparison's default caption is its first change: from the diff
    // already made, not a second one.
    let caption = match &shown {
        Shown::Pair(_, changes) if scene.caption.trim().is_empty() => changes.first_change(),
        _ => scene.caption(workspace),
    };
    Ok(Slide {
        body: Body::Picture {
            png: png(&shown.picture_svg(palette), PICTURE_SCALE)?,
            alt: format!("Org chart: {title}"),
        },
        title,
        caption,
        lines: shown.lines(),
        notes: scene.notes.clone(),
    })
}

/// The scenarios tables, each over as many slides as its rows need at
/// [`table::TABLE_PT`], the headings on every slide.
fn table_slides(workspace: &Workspace) -> Vec<Slide> {
    let room = SLIDE.1 - PICTURE_BOX.1 - 320_000;
    let per_slide = usize::try_from(room / ROW_EMU - 1).unwrap_or(1).max(1);
    let mut slides = Vec::new();
    for (title, table) in super::scenario_tables(workspace) {
        let parts = table.rows.chunks(per_slide).count();
        for (i, rows) in table.rows.chunks(per_slide).enumerate() {
            let title = if parts > 1 {
                format!("{title} ({} of {parts})", i + 1)
            } else {
                title.clone()
            };
            slides.push(Slide {
                title,
                caption: "Each scenario against its baseline (the first column): figures that differ are in bold.".to_owned(),
                lines: Vec::new(),
                notes: String::new(),
                body: Body::Table(SlideTable {
                    columns: table.columns.clone(),
                    rows: rows.to_vec(),
                }),
            });
        }
    }
    slides
}

/// A run of text in a paragraph of its own; `size` in points.
fn paragraph(out: &mut String, text: &str, size: u32) {
    let _ = write!(
        out,
        r#"<a:p><a:r><a:rPr lang="en-GB" sz="{}" dirty="0"/><a:t>{}</a:t></a:r></a:p>"#,
        size * 100,
        xml(text)
    );
}

/// A text box at `place` (EMU) with one paragraph per line.
fn text_box(
    out: &mut String,
    id: u32,
    name: &str,
    place: (i64, i64, i64, i64),
    lines: &[&str],
    size: u32,
) {
    let (x, y, w, h) = place;
    let _ = write!(
        out,
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>"#
    );
    for line in lines {
        paragraph(out, line, size);
    }
    out.push_str("</p:txBody></p:sp>");
}

/// The slide's XML: title (the layout's placeholder), caption, picture,
/// lines.
fn slide_xml(slide: &Slide) -> String {
    let mut out = format!("{HEAD}<p:sld {NS}><p:cSld>{TREE_START}");
    out.push_str(r#"<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>"#);
    paragraph(&mut out, &slide.title, 28);
    out.push_str("</p:txBody></p:sp>");
    if !slide.caption.is_empty() {
        text_box(&mut out, 3, "Caption", CAPTION_BOX, &[&slide.caption], 18);
    }
    match &slide.body {
        Body::Picture { alt, .. } => {
            let (x, y, w, h) = PICTURE_BOX;
            let _ = write!(
                out,
                r#"<p:pic><p:nvPicPr><p:cNvPr id="4" name="Chart" descr="{}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#,
                xml(alt)
            );
        }
        Body::Table(table) => table_frame(&mut out, 4, PICTURE_BOX, table),
    }
    let lines: Vec<&str> = slide.lines.iter().map(String::as_str).collect();
    if !lines.is_empty() {
        text_box(&mut out, 5, "Findings", LINES_BOX, &lines, 14);
    }
    out.push_str("</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>");
    out
}

/// The slide's speaker notes page.
fn notes_xml(notes: &str) -> String {
    let mut out = format!("{HEAD}<p:notes {NS}><p:cSld>{TREE_START}");
    out.push_str(r#"<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>"#);
    out.push_str(r#"<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>"#);
    let lines: Vec<&str> = notes.lines().collect();
    if lines.is_empty() {
        out.push_str(r#"<a:p><a:endParaRPr lang="en-GB"/></a:p>"#);
    }
    for line in lines {
        paragraph(&mut out, line, 12);
    }
    out.push_str("</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>");
    out
}

fn presentation_xml(slides: usize) -> String {
    let mut ids = String::new();
    for i in 0..slides {
        let _ = write!(ids, r#"<p:sldId id="{}" r:id="rId{}"/>"#, 256 + i, 10 + i);
    }
    format!(
        "{HEAD}<p:presentation {NS} saveSubsetFonts=\"1\"><p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>\
         <p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst><p:sldIdLst>{ids}</p:sldIdLst>\
         <p:sldSz cx=\"{}\" cy=\"{}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>",
        SLIDE.0, SLIDE.1
    )
}

/// The presentation's relationships: masters, properties, then slides.
fn presentation_rels(slides: usize) -> String {
    let targets: Vec<(String, String)> = (1..=slides)
        .map(|n| (format!("rId{}", 9 + n), format!("slides/slide{n}.xml")))
        .collect();
    let mut rels = vec![
        ("rId1", "slideMaster", "slideMasters/slideMaster1.xml"),
        ("rId2", "notesMaster", "notesMasters/notesMaster1.xml"),
        ("rId3", "theme", "theme/theme1.xml"),
        ("rId4", "presProps", "presProps.xml"),
        ("rId5", "viewProps", "viewProps.xml"),
        ("rId6", "tableStyles", "tableStyles.xml"),
    ];
    rels.extend(
        targets
            .iter()
            .map(|(id, t)| (id.as_str(), "slide", t.as_str())),
    );
    parts::rels(&rels)
}

/// Slide `n`'s parts: the slide, its notes page and their relationships.
fn slide_parts(n: usize, slide: &Slide) -> [(String, String); 4] {
    let (image, notes, back) = (
        format!("../media/image{n}.png"),
        format!("../notesSlides/notesSlide{n}.xml"),
        format!("../slides/slide{n}.xml"),
    );
    let mut slide_rels = vec![
        ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"),
        ("rId3", "notesSlide", notes.as_str()),
    ];
    if matches!(slide.body, Body::Picture { .. }) {
        slide_rels.push(("rId2", "image", image.as_str()));
    }
    let notes_rels = [
        ("rId1", "notesMaster", "../notesMasters/notesMaster1.xml"),
        ("rId2", "slide", back.as_str()),
    ];
    [
        (format!("ppt/slides/slide{n}.xml"), slide_xml(slide)),
        (
            format!("ppt/slides/_rels/slide{n}.xml.rels"),
            parts::rels(&slide_rels),
        ),
        (
            format!("ppt/notesSlides/notesSlide{n}.xml"),
            notes_xml(&slide.notes),
        ),
        (
            format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"),
            parts::rels(&notes_rels),
        ),
    ]
}

/// Every part of the package, by name, in the order written.
fn package(slides: Vec<Slide>, options: &PackOptions) -> Vec<(String, Vec<u8>)> {
    let title = xml(&options.title);
    let author = xml(options.author.as_deref().unwrap_or("Chartroom"));
    let n = slides.len();
    let mut text: Vec<(String, String)> = vec![
        ("[Content_Types].xml".into(), parts::content_types(n)),
        ("_rels/.rels".into(), parts::package_rels()),
        (
            "docProps/core.xml".into(),
            parts::core_props(&title, &author),
        ),
        ("docProps/app.xml".into(), parts::app_props(n)),
        ("ppt/presentation.xml".into(), presentation_xml(n)),
        (
            "ppt/_rels/presentation.xml.rels".into(),
            presentation_rels(n),
        ),
    ];
    text.extend(
        parts::masters()
            .into_iter()
            .map(|(name, xml)| (name.to_owned(), xml)),
    );
    for (i, slide) in slides.iter().enumerate() {
        text.extend(slide_parts(i + 1, slide));
    }
    let mut all: Vec<(String, Vec<u8>)> = text
        .into_iter()
        .map(|(name, xml)| (name, xml.into_bytes()))
        .collect();
    for (i, slide) in slides.into_iter().enumerate() {
        if let Body::Picture { png, .. } = slide.body {
            all.push((format!("ppt/media/image{}.png", i + 1), png));
        }
    }
    all
}

/// The deck as PPTX bytes: a slide per scene of the workspace, the file's
/// title and author (`options`) in its properties.
pub fn slides_pptx(
    workspace: &Workspace,
    palette: &Palette,
    options: &PackOptions,
) -> Result<Vec<u8>, RenderError> {
    let mut slides = workspace
        .scenes()
        .iter()
        .map(|scene| slide_of(workspace, scene, palette))
        .collect::<Result<Vec<_>, _>>()?;
    slides.extend(table_slides(workspace));
    let fail = |e: &dyn std::fmt::Display| RenderError::Package(e.to_string());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in package(slides, options) {
        // Pictures are compressed already.
        let method = if name.starts_with("ppt/media/") {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(&bytes).map_err(|e| fail(&e))?;
    }
    Ok(zip.finish().map_err(|e| fail(&e))?.into_inner())
}
