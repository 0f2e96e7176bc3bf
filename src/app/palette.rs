//! The command palette (Ctrl+Shift+P, as in VS Code or Figma): type to
//! find any command of the table, Enter or a click runs it, the arrow
//! keys choose, Esc closes.

use egui::{Key, RichText, Ui};

use super::ChartroomApp;
use super::commands::Command;

/// The palette's query and the highlighted match.
#[derive(Clone, Debug, Default)]
pub struct PaletteState {
    /// What was typed.
    pub query: String,
    /// Which of the matches is highlighted.
    pub chosen: usize,
}

/// The commands whose label holds every word of `query` (any case), in
/// the table's order; those whose label starts with the query first.
pub fn matches(query: &str) -> Vec<Command> {
    let query = query.trim().to_lowercase();
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut found: Vec<(bool, Command)> = Command::all()
        .into_iter()
        .filter_map(|c| {
            let label = c.label().to_lowercase();
            words
                .iter()
                .all(|w| label.contains(w))
                .then(|| (!label.starts_with(&query), c))
        })
        .collect();
    found.sort_by_key(|(later, _)| *later);
    found.into_iter().map(|(_, c)| c).collect()
}

impl ChartroomApp {
    /// Opens the palette with an empty query.
    pub(super) fn open_palette(&mut self) {
        self.modal = Some(super::Modal::Palette(PaletteState::default()));
    }

    /// The palette, while open; runs the command chosen.
    pub(super) fn palette_ui(&mut self, ctx: &egui::Context, state: &mut PaletteState) -> bool {
        let found = matches(&state.query);
        let (up, down, enter, escape) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::Enter),
                i.consume_key(egui::Modifiers::NONE, Key::Escape),
            )
        });
        if down {
            state.chosen = (state.chosen + 1).min(found.len().saturating_sub(1));
        }
        if up {
            state.chosen = state.chosen.saturating_sub(1);
        }
        let mut run = enter.then(|| found.get(state.chosen).copied()).flatten();
        egui::Modal::new(egui::Id::NULL.with("command-palette")).show(ctx, |ui| {
            ui.set_width(420.0);
            let label = ui.label("Command");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut state.query)
                        .hint_text("Type to find a command")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            field.request_focus();
            if field.changed() {
                state.chosen = 0;
            }
            if let Some(clicked) = self.palette_list_ui(ui, &found, state.chosen) {
                run = Some(clicked);
            }
        });
        if let Some(command) = run {
            self.run(ctx, command);
            return false;
        }
        !escape
    }

    /// The matches, the chosen one highlighted, each with its shortcut;
    /// returns the one clicked.
    fn palette_list_ui(&self, ui: &mut Ui, found: &[Command], chosen: usize) -> Option<Command> {
        let mut clicked = None;
        if found.is_empty() {
            ui.label("No command has those words.");
        }
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for (i, command) in found.iter().enumerate() {
                    let keys = command
                        .shortcuts()
                        .first()
                        .map(|s| ui.ctx().format_shortcut(s))
                        .unwrap_or_default();
                    let enabled = self.can_run(*command);
                    let text = RichText::new(command.label());
                    let button = egui::Button::selectable(i == chosen, text).shortcut_text(keys);
                    if ui.add_enabled(enabled, button).clicked() {
                        clicked = Some(*command);
                    }
                }
            });
        clicked
    }
}
