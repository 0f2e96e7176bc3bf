//! The GUI's form of the core palette (`core::theme`): every colour, stroke
//! and size the canvas draws with.

use egui::{Color32, Stroke};

use crate::core::model::Role;
use crate::core::theme::{Palette, Rgb, ThemeName, role_slot};

/// Design tokens for the canvas and panels: a palette's colours as egui
/// types. The card itself is drawn from [`Theme::palette`] by the scene.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// Which theme this is.
    pub name: ThemeName,
    /// The core palette it is made from.
    pub palette: Palette,
    /// Canvas background.
    pub canvas_bg: Color32,
    /// Dots of the background grid.
    pub grid: Color32,
    /// Card fill.
    pub card_fill: Color32,
    /// Card outline.
    pub card_stroke: Stroke,
    /// Outline of the selected card or line.
    pub selection: Stroke,
    /// Outline of a card a dragged card or line end would land on.
    pub drop_target: Stroke,
    /// Name text.
    pub text: Color32,
    /// Title and secondary text.
    pub weak_text: Color32,
    /// Direct reporting lines.
    pub direct_line: Stroke,
    /// Dotted reporting lines (drawn dashed).
    pub dotted_line: Stroke,
    /// Finding marker and badge fill; overlaps also carry a shape and a count,
    /// so they do not rely on colour alone.
    pub overlap: Color32,
    /// Text on the overlap badge.
    pub overlap_text: Color32,
    /// Highlight behind an overlapping responsibility.
    pub overlap_row: Color32,
    /// Conflict marker and badge (several accountable); drawn as a triangle.
    pub conflict: Color32,
    /// Highlight behind a conflicting responsibility.
    pub conflict_row: Color32,
    /// Gap marker (nobody accountable); drawn as a ring.
    pub gap: Color32,
    /// Highlight behind a responsibility with a gap.
    pub gap_row: Color32,
    /// Badges that say what changed (compare view).
    pub change: Color32,
    /// Alpha multiplier for cards outside a spotlight.
    pub dim: f32,
    /// Error text in the status bar.
    pub error: Color32,
    /// Base font size for card text at zoom 1.
    pub card_font: f32,
    /// Role colours (see [`Palette::roles`]).
    pub roles: [Color32; 7],
}

impl Theme {
    /// The default light theme.
    pub fn light() -> Self {
        Self::of(ThemeName::Light)
    }

    /// A named theme, made from its palette: the one source of every colour
    /// and size.
    pub fn of(name: ThemeName) -> Self {
        let p = name.palette();
        let c = |rgb: Rgb| Color32::from_rgb(rgb.0, rgb.1, rgb.2);
        Self {
            name,
            canvas_bg: c(p.background),
            grid: c(p.card_outline),
            card_fill: c(p.card),
            card_stroke: Stroke::new(p.card_outline_width, c(p.card_outline)),
            selection: Stroke::new(3.0, c(p.selection)),
            drop_target: Stroke::new(3.0, c(p.drop_target)),
            text: c(p.text),
            weak_text: c(p.weak_text),
            direct_line: Stroke::new(p.line_width, c(p.direct_line)),
            dotted_line: Stroke::new(p.line_width, c(p.dotted_line)),
            overlap: c(p.overlap),
            overlap_text: c(p.badge_text),
            overlap_row: c(p.overlap_row),
            conflict: c(p.conflict),
            conflict_row: c(p.conflict_row),
            gap: c(p.gap),
            gap_row: c(p.gap_row),
            change: c(p.change),
            dim: p.dim,
            error: c(p.error),
            card_font: p.card_font,
            roles: p.roles.map(c),
            palette: p,
        }
    }

    /// The colour of a role's badge and card stripe.
    pub fn role_colour(&self, role: Role) -> Color32 {
        self.roles[role_slot(role)]
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::light()
    }
}

/// The family the cards' bold text (names, badges) is drawn with.
pub const BOLD: &str = "chartroom-bold";

/// Gives egui the bundled font (`core::font`), once per context: the
/// interface and the cards are drawn with the font the layout and the
/// exports measure with. egui's own fonts stay behind it as fallbacks
/// (emoji and icons), and a bold family draws the cards' bold text.
pub fn install_fonts(ctx: &egui::Context) {
    use egui::{FontData, FontDefinitions, FontFamily};
    use std::sync::Arc;
    let done = egui::Id::NULL.with("chartroom-fonts");
    if ctx.data(|d| d.get_temp::<bool>(done)).is_some() {
        return;
    }
    let mut fonts = FontDefinitions::default();
    for (name, data) in [
        ("dejavu-sans", crate::core::font::REGULAR),
        ("dejavu-sans-bold", crate::core::font::BOLD),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(data)));
    }
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    proportional.insert(0, "dejavu-sans".to_owned());
    let mut bold = vec!["dejavu-sans-bold".to_owned()];
    bold.extend(proportional.iter().skip(1).cloned());
    fonts.families.insert(FontFamily::Name(BOLD.into()), bold);
    ctx.set_fonts(fonts);
    ctx.data_mut(|d| d.insert_temp(done, true));
}
