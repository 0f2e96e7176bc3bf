//! Pictures of a model for the board pack: SVG (here), PNG and the PDF board
//! pack (through it), built from the same layout,
//! palette and findings as the screen. Text stays text, dotted lines are
//! dashed, overlap markers keep their shapes, and nothing is ever cropped:
//! the picture is the layout's bounds plus a margin.

mod pack;
mod packing;
mod page;
mod pages;
mod pptx;
mod raster;
mod scenarios;
mod sheet;
mod split;

use std::fmt::Write;

pub use self::pack::{FINDINGS_PT, board_pack, board_pack_with, pack_pages, pack_pages_with};
pub use self::pages::{comparison_pages, scene_pages};
pub use self::pptx::slides_pptx;
pub use self::raster::{MAX_PACK_PAGES, MAX_PICTURE_CARDS, MAX_PIXELS, RenderError, outlined, png};
pub use self::scenarios::scenario_tables;
pub use self::sheet::PackPage;
pub use self::sheet::{PackOptions, PageSize};
pub use self::svg::xml;

use emath::{Pos2, Rect, pos2, vec2};

use super::draw::Prim;
use super::facts::Facts;
use super::theme::Palette;
use super::workspace::Model;

mod svg;

/// Space around the chart, in chart units.
const PICTURE_MARGIN: f32 = 32.0;
/// Room at the top for the model's title.
const TITLE_H: f32 = 44.0;
/// The title's size.
const TITLE_PT: f32 = 20.0;

/// Writes into the SVG string; writing to a String cannot fail.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {
        let _ = writeln!($out, $($arg)*);
    };
}

/// The scene of a model as an export draws it (the same primitives the
/// screen draws for it at full detail), and the chart's bounds.
pub fn model_prims(model: &Model, palette: &Palette) -> (Vec<Prim>, Rect) {
    let facts = Facts::of(&model.chart);
    (
        super::facts::model_drawing(&facts, &model.chart, palette),
        facts.layout.bounds,
    )
}

/// Refuses, with a sentence saying what to do instead, a chart that shows
/// more cards than a PNG or a PDF page can hold (collapsed leaders hide
/// the people under them).
pub fn picture_fits(chart: &super::model::OrgChart) -> Result<(), RenderError> {
    let (leaders, parent) = chart.tree();
    let cards = super::layout::folded_away(&leaders, &parent)
        .iter()
        .filter(|hidden| !**hidden)
        .count();
    if cards > MAX_PICTURE_CARDS {
        return Err(RenderError::TooManyCards { cards });
    }
    Ok(())
}

/// The model as an SVG document in the given palette.
pub fn svg(model: &Model, palette: &Palette) -> String {
    let (prims, bounds) = model_prims(model, palette);
    let bounds = if bounds.is_positive() {
        bounds
    } else {
        Rect::from_min_size(Pos2::ZERO, vec2(200.0, 80.0))
    };
    // Badges stick out above cards; the title sits above everything, and
    // the picture is as wide as the title when that is wider.
    let title_w = super::font::width(&super::text::visible(&model.title), TITLE_PT, true);
    let right = bounds.max.x.max(bounds.min.x + title_w);
    let frame = Rect::from_min_max(
        bounds.min - vec2(PICTURE_MARGIN, PICTURE_MARGIN + TITLE_H),
        pos2(right, bounds.max.y) + vec2(PICTURE_MARGIN, PICTURE_MARGIN),
    );
    let mut body = String::new();
    put!(
        body,
        r#"<text class="model-title" x="{}" y="{}" font-size="{TITLE_PT}" font-weight="bold" fill="{}">{}</text>"#,
        bounds.min.x,
        bounds.min.y - PICTURE_MARGIN,
        palette.text.hex(),
        xml(&model.title)
    );
    svg::write_prims(&mut body, &prims);
    svg::document(frame, palette.background, Some(&model.title), &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::presets;

    #[test]
    fn text_is_escaped_and_steering_characters_shown() {
        assert_eq!(
            xml("R&D <ops> \"x\" 'y'"),
            "R&amp;D &lt;ops&gt; &quot;x&quot; &apos;y&apos;"
        );
        assert_eq!(xml("a\u{202E}b"), "a[U+202E]b");
    }

    #[test]
    fn every_leader_and_line_is_drawn() {
        let model = presets::model("cdio").unwrap();
        let out = svg(&model, &Palette::light());
        for leader in model.chart.leaders() {
            assert!(
                out.contains(&format!(">{}</text>", xml(&leader.name))),
                "{}",
                leader.name
            );
        }
        assert_eq!(
            out.matches("class=\"line-").count(),
            model.chart.lines().len()
        );
        assert_eq!(
            out.matches("stroke-dasharray").count(),
            1,
            "the one dotted line is dashed"
        );
        assert_eq!(
            out.matches("marker-shared").count(),
            2,
            "digital transformation on two cards"
        );
    }
}
