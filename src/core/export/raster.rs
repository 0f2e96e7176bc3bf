//! SVG to pixels and to PDF pages, through resvg/usvg (the SVG renderer of
//! the typst/linebender family) and svg2pdf, which share one parsed tree.
//! Hand-written rasterising or PDF writing would be worse at text.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

use crate::core::font;

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RenderError {
    /// The SVG did not parse (a bug: Chartroom wrote it).
    #[error("the picture could not be read back: {0}")]
    Svg(String),
    /// The scaled picture is too large to hold in memory.
    #[error(
        "a {width} x {height} pixel picture is too large (Chartroom draws up to {MAX_PIXELS} pixels); choose a smaller scale"
    )]
    TooLarge {
        /// Width asked for.
        width: u64,
        /// Height asked for.
        height: u64,
    },
    /// The chart shows too many cards for one picture.
    #[error(
        "the chart shows {cards} cards, more than one picture can hold readably (up to {MAX_PICTURE_CARDS}): collapse it to fewer levels (View > Collapse to ..., then save), or present a storyboard scene focused on one leader, or export SVG"
    )]
    TooManyCards {
        /// Cards the chart shows.
        cards: usize,
    },
    /// The board pack would run to too many pages.
    #[error(
        "the board pack would run to {pages} pages with its text at 9 pt or more (Chartroom prints up to {MAX_PACK_PAGES}): collapse the big charts to fewer levels (View > Collapse to ..., then save), or make storyboard scenes focused on the leaders that matter"
    )]
    TooManyPages {
        /// Pages the pack would have.
        pages: usize,
    },
    /// The PDF could not be made.
    #[error("the PDF could not be made: {0}")]
    Pdf(String),
    /// The PowerPoint package could not be written.
    #[error("the slides could not be packed: {0}")]
    Package(String),
}

/// The most cards a PNG or a PDF page draws: past this the text is far too
/// small to read on any page, and the renderer's limits come near.
pub const MAX_PICTURE_CARDS: usize = 2_000;

/// The most pages a board pack prints: a pack longer than this is a chart
/// nobody will read on paper, and takes long to make.
pub const MAX_PACK_PAGES: usize = 100;

/// The largest picture drawn: 400 megapixels (1.6 GB of RGBA).
pub const MAX_PIXELS: u64 = 400_000_000;

/// The fonts exports are drawn with, loaded once: the bundled `DejaVu Sans`
/// (regular and bold, from memory: no system font needed, and the text is
/// drawn with the font it was measured with), then the system's fonts only
/// as fallbacks for what it lacks (CJK, emoji), never a system copy of
/// `DejaVu Sans` in place of ours.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_system_fonts();
            let theirs: Vec<usvg::fontdb::ID> = db
                .faces()
                .filter(|face| face.families.iter().any(|(name, _)| name == font::FAMILY))
                .map(|face| face.id)
                .collect();
            for id in theirs {
                db.remove_face(id);
            }
            for data in [font::REGULAR, font::BOLD] {
                db.load_font_data(data.to_vec());
            }
            db.set_sans_serif_family(font::FAMILY);
            Arc::new(db)
        })
        .clone()
}

/// Parses an SVG with the system's fonts.
pub(super) fn tree(svg: &str) -> Result<usvg::Tree, RenderError> {
    let fonts = fonts();
    let options = usvg::Options {
        fontdb: fonts,
        font_family: font::FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| RenderError::Svg(e.to_string()))
}

/// The SVG with its text turned into outlines of the bundled font (usvg's
/// own writer): it looks the same on a machine without the font.
pub fn outlined(svg: &str) -> Result<String, RenderError> {
    Ok(tree(svg)?.to_string(&usvg::WriteOptions::default()))
}

/// Draws an SVG as a PNG at `scale` times its size (2 or 4 for sharp
/// slides). The whole picture is drawn, however large, up to [`MAX_PIXELS`].
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>, RenderError> {
    let tree = tree(svg)?;
    let size = tree.size();
    let scale = scale.clamp(0.1, 16.0);
    let (width, height) = (
        (size.width() * scale).ceil() as u64,
        (size.height() * scale).ceil() as u64,
    );
    if width * height > MAX_PIXELS || width == 0 || height == 0 {
        return Err(RenderError::TooLarge { width, height });
    }
    let mut pixmap =
        Pixmap::new(width as u32, height as u32).ok_or(RenderError::TooLarge { width, height })?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| RenderError::Svg(e.to_string()))
}
