//! Every colour, stroke and size the canvas draws with, in one place.

use egui::{Color32, Stroke};

use crate::core::model::Role;

/// Design tokens for the canvas and panels.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
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
}

impl Theme {
    /// The default light theme.
    pub fn light() -> Self {
        Self {
            canvas_bg: Color32::from_rgb(246, 247, 249),
            grid: Color32::from_rgb(224, 227, 232),
            card_fill: Color32::WHITE,
            card_stroke: Stroke::new(1.0, Color32::from_rgb(180, 186, 196)),
            selection: Stroke::new(3.0, Color32::from_rgb(20, 110, 235)),
            drop_target: Stroke::new(3.0, Color32::from_rgb(0, 150, 90)),
            text: Color32::from_rgb(25, 28, 33),
            weak_text: Color32::from_rgb(88, 94, 104),
            direct_line: Stroke::new(2.0, Color32::from_rgb(70, 76, 88)),
            dotted_line: Stroke::new(2.0, Color32::from_rgb(120, 90, 170)),
            overlap: Color32::from_rgb(200, 70, 20),
            overlap_text: Color32::WHITE,
            overlap_row: Color32::from_rgb(255, 236, 222),
            conflict: Color32::from_rgb(180, 20, 40),
            conflict_row: Color32::from_rgb(252, 224, 228),
            gap: Color32::from_rgb(90, 70, 170),
            gap_row: Color32::from_rgb(234, 230, 250),
            change: Color32::from_rgb(40, 80, 140),
            dim: 0.22,
            error: Color32::from_rgb(190, 30, 30),
            card_font: 13.0,
        }
    }

    /// The colour of a role's badge and card stripe: dark enough for white
    /// badge text, and apart in hue and lightness; the badge also names the
    /// role, so colour is never the only cue.
    pub fn role_colour(&self, role: Role) -> Color32 {
        match role {
            Role::Ceo => Color32::from_rgb(34, 34, 34),
            Role::Cio => Color32::from_rgb(11, 95, 165),
            Role::Cto => Color32::from_rgb(184, 74, 0),
            Role::Ciso => Color32::from_rgb(0, 119, 90),
            Role::Cdo | Role::Cdio => Color32::from_rgb(142, 59, 142),
            Role::Vp => Color32::from_rgb(74, 90, 106),
            Role::Other => Color32::from_rgb(107, 107, 107),
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::light()
    }
}
