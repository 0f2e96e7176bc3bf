//! Every colour, stroke width and size Chartroom draws with, for the screen
//! and for exported pictures alike: three palettes (light, dark, projector).
//! The GUI turns a palette into its own colour type; export writes it out.

use super::model::Role;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Which palette. Also the `--theme` values of the command line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ThemeName {
    /// Dark text on white: the default.
    #[default]
    Light,
    /// Light text on near-black.
    Dark,
    /// High contrast and large type, for a projector and a room.
    Projector,
}

impl ThemeName {
    /// Every theme, for menus.
    pub const ALL: [Self; 3] = [Self::Light, Self::Dark, Self::Projector];

    /// The name in menus and on the command line.
    pub fn label(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::Projector => "projector",
        }
    }

    /// The palette.
    pub fn palette(self) -> Palette {
        match self {
            Self::Light => Palette::light(),
            Self::Dark => Palette::dark(),
            Self::Projector => Palette::projector(),
        }
    }
}

/// Where a role's colour sits in [`Palette::roles`].
pub fn role_slot(role: Role) -> usize {
    match role {
        Role::Ceo => 0,
        Role::Cio => 1,
        Role::Cto => 2,
        Role::Ciso => 3,
        Role::Cdo | Role::Cdio => 4,
        Role::Vp => 5,
        Role::Other => 6,
    }
}

/// Design tokens. Overlap, conflict and gap markers also differ in shape
/// (diamond, triangle, ring) and carry words, so colour is never the only cue.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Canvas background.
    pub background: Rgb,
    /// Card fill.
    pub card: Rgb,
    /// Card outline.
    pub card_outline: Rgb,
    /// Card outline width.
    pub card_outline_width: f32,
    /// Selection outline.
    pub selection: Rgb,
    /// Drop-target outline.
    pub drop_target: Rgb,
    /// Name text.
    pub text: Rgb,
    /// Titles and secondary text.
    pub weak_text: Rgb,
    /// Direct lines.
    pub direct_line: Rgb,
    /// Dotted lines (drawn dashed).
    pub dotted_line: Rgb,
    /// Line width.
    pub line_width: f32,
    /// Shared-responsibility marker and badge.
    pub overlap: Rgb,
    /// Row behind a shared responsibility.
    pub overlap_row: Rgb,
    /// Conflict marker and badge.
    pub conflict: Rgb,
    /// Row behind a conflict.
    pub conflict_row: Rgb,
    /// Gap marker.
    pub gap: Rgb,
    /// Row behind a gap.
    pub gap_row: Rgb,
    /// Text on badges.
    pub badge_text: Rgb,
    /// Change badges (compare view).
    pub change: Rgb,
    /// Error text.
    pub error: Rgb,
    /// How much a card outside a spotlight keeps of its colour (0-1).
    pub dim: f32,
    /// Card body text size at zoom 1, in points.
    pub card_font: f32,
    /// Role colours: CEO, CIO, CTO, CISO, CDO/CDIO, VP, other. Chosen apart in
    /// hue and lightness and dark enough for white badge text; the badge
    /// also names the role.
    pub roles: [Rgb; 7],
}

impl Palette {
    /// The light theme.
    pub fn light() -> Self {
        Self {
            background: Rgb(246, 247, 249),
            card: Rgb(255, 255, 255),
            card_outline: Rgb(180, 186, 196),
            card_outline_width: 1.0,
            selection: Rgb(20, 110, 235),
            drop_target: Rgb(0, 150, 90),
            text: Rgb(25, 28, 33),
            weak_text: Rgb(88, 94, 104),
            direct_line: Rgb(70, 76, 88),
            dotted_line: Rgb(120, 90, 170),
            line_width: 2.0,
            overlap: Rgb(200, 70, 20),
            overlap_row: Rgb(255, 236, 222),
            conflict: Rgb(180, 20, 40),
            conflict_row: Rgb(252, 224, 228),
            gap: Rgb(90, 70, 170),
            gap_row: Rgb(234, 230, 250),
            badge_text: Rgb(255, 255, 255),
            change: Rgb(40, 80, 140),
            error: Rgb(190, 30, 30),
            dim: 0.22,
            card_font: 13.0,
            roles: [
                Rgb(34, 34, 34),
                Rgb(11, 95, 165),
                Rgb(184, 74, 0),
                Rgb(0, 119, 90),
                Rgb(142, 59, 142),
                Rgb(74, 90, 106),
                Rgb(107, 107, 107),
            ],
        }
    }

    /// The dark theme.
    pub fn dark() -> Self {
        Self {
            background: Rgb(24, 26, 30),
            card: Rgb(40, 43, 50),
            card_outline: Rgb(90, 96, 108),
            selection: Rgb(90, 160, 255),
            drop_target: Rgb(60, 200, 130),
            text: Rgb(236, 238, 242),
            weak_text: Rgb(170, 176, 186),
            direct_line: Rgb(170, 176, 188),
            dotted_line: Rgb(180, 150, 230),
            overlap_row: Rgb(80, 50, 30),
            conflict_row: Rgb(90, 30, 40),
            gap_row: Rgb(50, 44, 90),
            change: Rgb(70, 120, 190),
            roles: [
                Rgb(120, 120, 120),
                Rgb(40, 130, 210),
                Rgb(215, 110, 20),
                Rgb(0, 150, 110),
                Rgb(170, 90, 170),
                Rgb(100, 120, 140),
                Rgb(130, 130, 130),
            ],
            ..Self::light()
        }
    }

    /// The projector theme: black on white at full contrast, thick lines.
    /// Type is large because presentation mode fits the chart to the screen
    /// (the card text size must match the layout's metrics, 13 pt at zoom 1).
    pub fn projector() -> Self {
        Self {
            background: Rgb(255, 255, 255),
            card_outline: Rgb(0, 0, 0),
            card_outline_width: 2.0,
            text: Rgb(0, 0, 0),
            weak_text: Rgb(40, 40, 40),
            direct_line: Rgb(0, 0, 0),
            dotted_line: Rgb(90, 40, 160),
            line_width: 3.0,
            dim: 0.15,
            ..Self::light()
        }
    }

    /// A role's colour.
    pub fn role(&self, role: Role) -> Rgb {
        self.roles[role_slot(role)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative luminance contrast ratio (WCAG).
    fn contrast(a: Rgb, b: Rgb) -> f32 {
        let lum = |c: Rgb| {
            let ch = |v: u8| {
                let v = f32::from(v) / 255.0;
                if v <= 0.039_28 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_is_readable_on_cards_in_every_theme() {
        for name in ThemeName::ALL {
            let p = name.palette();
            assert!(contrast(p.text, p.card) >= 7.0, "{name:?} body text");
            assert!(contrast(p.weak_text, p.card) >= 4.5, "{name:?} titles");
        }
        let p = Palette::projector();
        assert!(contrast(p.text, p.card) >= 20.0, "projector: full contrast");
    }

    #[test]
    fn role_badges_carry_white_text() {
        let p = Palette::light();
        for role in p.roles {
            assert!(contrast(role, p.badge_text) >= 4.5, "{role:?}");
        }
    }

    #[test]
    fn hex_is_lowercase_six_digits() {
        assert_eq!(Rgb(0, 119, 90).hex(), "#00775a");
    }
}
