//! The fixed parts of a PowerPoint package (Office Open XML, ECMA-376):
//! the content types, the theme, one slide master with one layout, the
//! notes master and the document properties. Slides are written beside
//! them in `pptx.rs`.

use std::fmt::Write;

/// The namespaces every `PresentationML` part declares.
pub(super) const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;

/// The XML declaration every part starts with.
pub(super) const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = "application/vnd.openxmlformats-officedocument.presentationml";

/// A relationships part: (id, type's last word, target).
pub(super) fn rels(items: &[(&str, &str, &str)]) -> String {
    let mut out = format!("{HEAD}<Relationships xmlns=\"{REL_NS}\">");
    for (id, kind, target) in items {
        let kind = match *kind {
            "core-properties" => {
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                    .to_owned()
            }
            other => format!("{DOC_REL}/{other}"),
        };
        let _ = write!(
            out,
            r#"<Relationship Id="{id}" Type="{kind}" Target="{target}"/>"#
        );
    }
    out.push_str("</Relationships>");
    out
}

/// `[Content_Types].xml` for a deck of `slides` slides.
pub(super) fn content_types(slides: usize) -> String {
    let mut out = format!(
        "{HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Default Extension=\"png\" ContentType=\"image/png\"/>"
    );
    let fixed = [
        ("/ppt/presentation.xml", "presentation.main"),
        ("/ppt/slideMasters/slideMaster1.xml", "slideMaster"),
        ("/ppt/slideLayouts/slideLayout1.xml", "slideLayout"),
        ("/ppt/notesMasters/notesMaster1.xml", "notesMaster"),
        ("/ppt/presProps.xml", "presProps"),
        ("/ppt/viewProps.xml", "viewProps"),
        ("/ppt/tableStyles.xml", "tableStyles"),
    ];
    for (part, kind) in fixed {
        let _ = write!(
            out,
            r#"<Override PartName="{part}" ContentType="{CT}.{kind}+xml"/>"#
        );
    }
    for theme in 1..=2 {
        let _ = write!(
            out,
            r#"<Override PartName="/ppt/theme/theme{theme}.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#
        );
    }
    for n in 1..=slides {
        let _ = write!(
            out,
            r#"<Override PartName="/ppt/slides/slide{n}.xml" ContentType="{CT}.slide+xml"/><Override PartName="/ppt/notesSlides/notesSlide{n}.xml" ContentType="{CT}.notesSlide+xml"/>"#
        );
    }
    out.push_str(
        r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#,
    );
    out
}

/// The package's own relationships: the presentation and its properties.
pub(super) fn package_rels() -> String {
    rels(&[
        ("rId1", "officeDocument", "ppt/presentation.xml"),
        ("rId2", "core-properties", "docProps/core.xml"),
        ("rId3", "extended-properties", "docProps/app.xml"),
    ])
}

/// `docProps/core.xml`: the title and author (already XML-escaped).
pub(super) fn core_props(title: &str, author: &str) -> String {
    format!(
        "{HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{title}</dc:title><dc:creator>{author}</dc:creator></cp:coreProperties>"
    )
}

/// `docProps/app.xml`: the application and the slide count.
pub(super) fn app_props(slides: usize) -> String {
    format!(
        "{HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>Chartroom</Application><Slides>{slides}</Slides><Notes>{slides}</Notes>\
         <PresentationFormat>Widescreen</PresentationFormat></Properties>"
    )
}

/// Presentation properties, view properties, table styles: empty but
/// present, as PowerPoint writes them.
fn pres_props() -> String {
    format!("{HEAD}<p:presentationPr {NS}/>")
}

fn view_props() -> String {
    format!(
        "{HEAD}<p:viewPr {NS}><p:normalViewPr><p:restoredLeft sz=\"15620\"/><p:restoredTop sz=\"94660\"/></p:normalViewPr><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>"
    )
}

fn table_styles() -> String {
    format!(
        "{HEAD}<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" def=\"{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}\"/>"
    )
}

/// An empty shape tree's required group properties.
pub(super) const TREE_START: &str = r#"<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#;

const CLR_MAP: &str = r#"<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>"#;

/// A placeholder shape with no text of its own (masters and layouts).
fn placeholder(id: u32, name: &str, ph: &str, (x, y, w, h): (i64, i64, i64, i64)) -> String {
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB"/></a:p></p:txBody></p:sp>"#
    )
}

/// Where a slide's title goes, in EMU.
pub(super) const TITLE_BOX: (i64, i64, i64, i64) = (457_200, 228_600, 11_277_600, 685_800);

/// A paragraph style level: size in hundredths of a point, bold or not.
fn level(tag: &str, size: u32, bold: bool) -> String {
    let b = if bold { r#" b="1""# } else { "" };
    format!(
        r#"<{tag} marL="0" algn="l"><a:defRPr sz="{size}"{b}><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></{tag}>"#
    )
}

/// The slide master: a title placeholder, white background, and text
/// styles in the theme's fonts.
fn slide_master() -> String {
    let title = placeholder(2, "Title", r#"<p:ph type="title"/>"#, TITLE_BOX);
    format!(
        "{HEAD}<p:sldMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>{TREE_START}{title}</p:spTree></p:cSld>{CLR_MAP}\
         <p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>\
         <p:txStyles><p:titleStyle>{}</p:titleStyle><p:bodyStyle>{}</p:bodyStyle><p:otherStyle>{}</p:otherStyle></p:txStyles></p:sldMaster>",
        level("a:lvl1pPr", 2800, true),
        level("a:lvl1pPr", 1800, false),
        level("a:lvl1pPr", 1400, false),
    )
}

/// The one layout: a title only.
fn slide_layout() -> String {
    let title = placeholder(2, "Title", r#"<p:ph type="title"/>"#, TITLE_BOX);
    format!(
        "{HEAD}<p:sldLayout {NS} type=\"titleOnly\" preserve=\"1\"><p:cSld name=\"Title Only\">{TREE_START}{title}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )
}

/// The notes page's slide picture and its text, in EMU on a portrait page.
pub(super) const NOTES_SLIDE_IMAGE: (i64, i64, i64, i64) = (381_000, 685_800, 6_096_000, 3_429_000);
pub(super) const NOTES_BODY: (i64, i64, i64, i64) = (685_800, 4_343_400, 5_486_400, 4_114_800);

/// The notes master: where the slide picture and the notes sit.
fn notes_master() -> String {
    let image = placeholder(
        2,
        "Slide Image",
        r#"<p:ph type="sldImg" idx="2"/>"#,
        NOTES_SLIDE_IMAGE,
    );
    let body = placeholder(3, "Notes", r#"<p:ph type="body" idx="1"/>"#, NOTES_BODY);
    format!(
        "{HEAD}<p:notesMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>{TREE_START}{image}{body}</p:spTree></p:cSld>{CLR_MAP}<p:notesStyle>{}</p:notesStyle></p:notesMaster>",
        level("a:lvl1pPr", 1200, false)
    )
}

/// A complete theme (colours, fonts, fill/line/effect styles): PowerPoint
/// repairs a deck whose theme lacks any of them.
fn theme(name: &str) -> String {
    let colours = [
        ("dk1", "000000"),
        ("lt1", "FFFFFF"),
        ("dk2", "1F2A44"),
        ("lt2", "E7E6E6"),
        ("accent1", "2F5597"),
        ("accent2", "C55A11"),
        ("accent3", "548235"),
        ("accent4", "7030A0"),
        ("accent5", "BF9000"),
        ("accent6", "2E75B6"),
        ("hlink", "0563C1"),
        ("folHlink", "954F72"),
    ];
    let mut scheme = String::new();
    for (slot, hex) in colours {
        let _ = write!(scheme, r#"<a:{slot}><a:srgbClr val="{hex}"/></a:{slot}>"#);
    }
    let font = |tag: &str| {
        format!(
            r#"<a:{tag}><a:latin typeface="DejaVu Sans"/><a:ea typeface=""/><a:cs typeface=""/></a:{tag}>"#
        )
    };
    let solid = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line = |w: u32| {
        format!(
            r#"<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">{solid}<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>"#
        )
    };
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        "{HEAD}<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"{name}\"><a:themeElements>\
         <a:clrScheme name=\"Chartroom\">{scheme}</a:clrScheme>\
         <a:fontScheme name=\"Chartroom\">{}{}</a:fontScheme>\
         <a:fmtScheme name=\"Chartroom\"><a:fillStyleLst>{solid}{solid}{solid}</a:fillStyleLst>\
         <a:lnStyleLst>{}{}{}</a:lnStyleLst>\
         <a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst>\
         <a:bgFillStyleLst>{solid}{solid}{solid}</a:bgFillStyleLst></a:fmtScheme>\
         </a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>",
        font("majorFont"),
        font("minorFont"),
        line(6350),
        line(12700),
        line(19050),
    )
}

/// The parts every deck has beside its slides: properties, themes, the
/// slide master and layout, the notes master, and their relationships.
pub(super) fn masters() -> Vec<(&'static str, String)> {
    vec![
        ("ppt/presProps.xml", pres_props()),
        ("ppt/viewProps.xml", view_props()),
        ("ppt/tableStyles.xml", table_styles()),
        ("ppt/theme/theme1.xml", theme("Chartroom")),
        ("ppt/theme/theme2.xml", theme("Chartroom notes")),
        ("ppt/slideMasters/slideMaster1.xml", slide_master()),
        (
            "ppt/slideMasters/_rels/slideMaster1.xml.rels",
            rels(&[
                ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"),
                ("rId2", "theme", "../theme/theme1.xml"),
            ]),
        ),
        ("ppt/slideLayouts/slideLayout1.xml", slide_layout()),
        (
            "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
            rels(&[("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")]),
        ),
        ("ppt/notesMasters/notesMaster1.xml", notes_master()),
        (
            "ppt/notesMasters/_rels/notesMaster1.xml.rels",
            rels(&[("rId1", "theme", "../theme/theme2.xml")]),
        ),
    ]
}
