//! Chartroom's icon: the SVG in `assets/icon`, drawn at any size for the
//! window (straight RGBA) and for the package's hicolor PNGs.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

/// The icon's source, drawn for Chartroom.
pub const SVG: &str = include_str!("../../assets/icon/chartroom.svg");

/// The sizes a desktop's icon theme asks for (hicolor's usual ones).
pub const SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

/// The icon drawn `size` pixels square.
fn pixmap(size: u32) -> Pixmap {
    // The icon is ours and has no text: it always parses, without fonts.
    let tree = usvg::Tree::from_str(SVG, &usvg::Options::default())
        .unwrap_or_else(|e| unreachable!("the icon's SVG is fixed and valid: {e}"));
    let size = size.clamp(1, 1024);
    let mut pixmap = Pixmap::new(size, size).unwrap_or_else(|| unreachable!("1 to 1024 pixels"));
    let scale = size as f32 / tree.size().width();
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
}

/// The icon `size` pixels square (1 to 1024) as straight (not
/// premultiplied) RGBA, rows top to bottom: what a window's icon takes.
pub fn rgba(size: u32) -> Vec<u8> {
    pixmap(size)
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect()
}

/// The icon `size` pixels square (1 to 1024) as a PNG file.
pub fn png(size: u32) -> Vec<u8> {
    pixmap(size)
        .encode_png()
        .unwrap_or_else(|e| unreachable!("a small pixmap always encodes: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rgba: &[u8], size: u32, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * size + x) * 4) as usize;
        [rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]]
    }

    #[test]
    fn the_icon_is_a_tile_with_a_gold_leader_above_two_white_reports() {
        let size = 256;
        let icon = rgba(size);
        assert_eq!(icon.len(), (size * size * 4) as usize);
        // Corners are transparent (a rounded tile), the middle is opaque.
        assert_eq!(at(&icon, size, 1, 1)[3], 0);
        assert_eq!(at(&icon, size, 128, 120)[3], 255);
        // The leader's card is gold, the reports' cards white, the tile blue.
        let [r, g, b, _] = at(&icon, size, 90, 50);
        assert!(r > 200 && g > 150 && b < 120, "gold leader: {r} {g} {b}");
        assert_eq!(at(&icon, size, 32, 165), [255, 255, 255, 255]);
        let [r, g, b, _] = at(&icon, size, 128, 232);
        assert!(b > r && b > g, "blue tile: {r} {g} {b}");
    }

    #[test]
    fn every_size_is_a_png_of_that_size() {
        for size in SIZES {
            let png = png(size);
            assert_eq!(&png[1..4], b"PNG");
            // The IHDR chunk: width and height, big-endian, from byte 16.
            let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
            let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
            assert_eq!((width, height), (size, size));
        }
    }
}
