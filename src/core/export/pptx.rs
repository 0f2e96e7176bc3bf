//! The deck as a PowerPoint file (PPTX): slides per scene (the
//! storyboard, or one per model) with the chart as PowerPoint's own shapes
//! (cards, connectors; `chart.rs`), never under 12 pt (a bigger chart goes
//! over more slides: `shaped.rs`), or with `--pictures` as a picture drawn
//! at four times its size; the title, caption and findings (or, for a
//! comparison, the changes) as text that can be edited in PowerPoint; the
//! scene's notes are the slide's speaker notes.
//! After the scenes, the scenarios tables (a baseline and its scenarios) as
//! PowerPoint tables, over as many slides as their rows need at 12 pt.
//!
//! The package is a zip of XML parts (ECMA-376). It is written here with
//! the `zip` crate (calamine's, so no new code is built): no maintained
//! Rust crate writes PowerPoint decks, and the parts a deck needs are few.

mod chart;
mod parts;
mod scenes;
mod shaped;
mod table;

use std::fmt::Write as _;
use std::io::Write as _;

use super::sheet::PackOptions;
use super::{RenderError, xml};
use crate::core::theme::Palette;
use crate::core::workspace::Workspace;
use parts::{HEAD, NS, TREE_START};
use table::{SlideTable, table_frame};

/// EMU (English metric units) per point.
const EMU_PER_PT: i64 = 12_700;
/// The slide, 16:9 (13.33 x 7.5 inches).
const SLIDE: (i64, i64) = (12_192_000, 6_858_000);
/// Where the caption, the picture and the findings go, in EMU.
const CAPTION_BOX: (i64, i64, i64, i64) = (457_200, 868_680, 11_277_600, 457_200);
const PICTURE_BOX: (i64, i64, i64, i64) = (457_200, 1_325_880, 11_277_600, 4_206_240);
/// The foot of the lines of text under a chart, and a line's height, in
/// points.
const LINES_FOOT: f32 = 522.0;
const LINE_PT: f32 = 19.0;

/// Where `n` lines of text (14 pt) start: they sit at the foot of the
/// slide, as tall as they need, so the chart above has the rest.
fn lines_top(n: usize) -> f32 {
    LINES_FOOT - n as f32 * LINE_PT
}

/// The box of `n` lines of text, in EMU.
fn lines_box(n: usize) -> (i64, i64, i64, i64) {
    let (top, foot) = (chart::emu(lines_top(n.max(1))), chart::emu(LINES_FOOT));
    (457_200, top, 11_277_600, foot - top)
}

/// What one slide says and shows.
struct Slide {
    title: String,
    caption: String,
    lines: Vec<String>,
    notes: String,
    body: Body,
    ink: Ink,
}

/// What fills the slide under its caption.
enum Body {
    /// The chart(s) as PNG, and what it shows, for screen readers.
    Picture { png: Vec<u8>, alt: String },
    /// A table PowerPoint can edit.
    Table(SlideTable),
    /// The chart(s) as shapes PowerPoint can edit (their XML).
    Shapes(String),
}

/// The slide's colours: its background (none: the master's white) and
/// the text's.
struct Ink {
    background: Option<String>,
    text: String,
}

impl Ink {
    fn of(palette: &Palette) -> Self {
        let hex = chart::hex;
        let background = hex(palette.background);
        Self {
            background: (background != "FFFFFF").then_some(background),
            text: hex(palette.text),
        }
    }
}

/// A run of text in a paragraph of its own; `size` in points, `colour`
/// (hex) if not the theme's.
fn paragraph(out: &mut String, text: &str, size: u32, colour: Option<&str>) {
    let fill = colour.map_or_else(String::new, |c| {
        format!(r#"<a:solidFill><a:srgbClr val="{c}"/></a:solidFill>"#)
    });
    let _ = write!(
        out,
        r#"<a:p><a:r><a:rPr lang="en-GB" sz="{}" dirty="0">{fill}</a:rPr><a:t>{}</a:t></a:r></a:p>"#,
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
    (lines, size): (&[&str], u32),
    colour: Option<&str>,
) {
    let (x, y, w, h) = place;
    let _ = write!(
        out,
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>"#
    );
    for line in lines {
        paragraph(out, line, size, colour);
    }
    out.push_str("</p:txBody></p:sp>");
}

/// The slide's XML: title (the layout's placeholder), caption, picture,
/// lines.
fn slide_xml(slide: &Slide) -> String {
    let mut out = format!("{HEAD}<p:sld {NS}><p:cSld>");
    // A dark theme's background, and its text colour on everything.
    let colour = slide
        .ink
        .background
        .as_ref()
        .map(|_| slide.ink.text.as_str());
    if let Some(background) = &slide.ink.background {
        let _ = write!(
            out,
            r#"<p:bg><p:bgPr><a:solidFill><a:srgbClr val="{background}"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>"#
        );
    }
    out.push_str(TREE_START);
    out.push_str(r#"<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>"#);
    paragraph(&mut out, &slide.title, 28, colour);
    out.push_str("</p:txBody></p:sp>");
    if !slide.caption.is_empty() {
        text_box(
            &mut out,
            3,
            "Caption",
            CAPTION_BOX,
            (&[&slide.caption], 18),
            colour,
        );
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
        Body::Shapes(shapes) => out.push_str(shapes),
    }
    let lines: Vec<&str> = slide.lines.iter().map(String::as_str).collect();
    if !lines.is_empty() {
        text_box(
            &mut out,
            5,
            "Findings",
            lines_box(lines.len()),
            (&lines, 14),
            colour,
        );
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
        paragraph(&mut out, line, 12, None);
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
    let mut slides = Vec::new();
    for scene in workspace.scenes() {
        let more = scenes::slides_of(
            workspace,
            &scene,
            palette,
            (options.pictures, slides.len() + 1),
        )?;
        slides.extend(more);
    }
    slides.extend(scenes::table_slides(workspace));
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
