//! The menu bar and the keyboard shortcuts.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use crate::core::theme::ThemeName;
use crate::core::workspace::Edit;
use crate::ui::canvas::Selection;

use super::{ChartroomApp, ExportKind, ViewMode};

const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
/// The shortcuts the menus show; labels come from egui, so macOS shows ⌘.
const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(CMD_SHIFT, Key::S);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut = KeyboardShortcut::new(CMD_SHIFT, Key::Z);
const REDO_ALT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

/// A menu button showing its shortcut the platform's way.
fn menu_button(ui: &mut Ui, label: &str, shortcut: KeyboardShortcut, enabled: bool) -> bool {
    let text = ui.ctx().format_shortcut(&shortcut);
    ui.add_enabled(enabled, egui::Button::new(label).shortcut_text(text))
        .clicked()
}

impl ChartroomApp {
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let shortcut = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
        let pressed = |s: KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(&s));
        // Longer combinations first: Ctrl+Z would also match Ctrl+Shift+Z.
        if pressed(REDO) || pressed(REDO_ALT) {
            self.redo();
        }
        if pressed(UNDO) {
            self.undo();
        }
        if pressed(SAVE_AS) {
            self.save_as();
        }
        if pressed(SAVE) {
            self.save();
        }
        if pressed(OPEN) {
            self.open(None);
        }
        if pressed(NEW) {
            self.request_new_workspace();
        }
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        if pressed(shortcut(Modifiers::NONE, Key::Delete))
            || pressed(shortcut(Modifiers::NONE, Key::Backspace))
        {
            self.delete_selection();
        }
        if pressed(shortcut(Modifiers::NONE, Key::F2))
            && matches!(self.selection, Some(Selection::Leader(_)))
        {
            self.inspector.focus_name = true;
        }
        if pressed(shortcut(Modifiers::NONE, Key::F5)) {
            self.start_presenting(ctx);
        }
        if pressed(shortcut(Modifiers::NONE, Key::F)) {
            self.zoom_to_fit();
        }
        if pressed(shortcut(Modifiers::NONE, Key::Escape)) {
            self.selection = None;
            self.pinned_overlap = None;
        }
    }

    fn file_menu_ui(&mut self, ui: &mut Ui) {
        if menu_button(ui, "New workspace", NEW, true) {
            self.request_new_workspace();
        }
        if menu_button(ui, "Open…", OPEN, true) {
            self.open(None);
        }
        if menu_button(ui, "Save", SAVE, true) {
            self.save();
        }
        if menu_button(ui, "Save As…", SAVE_AS, true) {
            self.save_as();
        }
        ui.separator();
        if ui.button("Export SVG…").clicked() {
            self.export(ExportKind::Svg);
        }
        if ui.button("Export PNG…").clicked() {
            self.export(ExportKind::Png);
        }
        if ui.button("Export board pack (PDF)…").clicked() {
            self.export(ExportKind::Pdf);
        }
        ui.separator();
        if ui.button("Quit").clicked() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    pub(super) fn menu_ui(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| self.file_menu_ui(ui));
            ui.menu_button("Theme", |ui| {
                for name in ThemeName::ALL {
                    if ui.radio(self.theme.name == name, name.label()).clicked() {
                        self.set_theme(ui.ctx(), name);
                    }
                }
            });
            ui.menu_button("Edit", |ui| {
                if menu_button(ui, "Undo", UNDO, self.doc.editor.can_undo(self.current)) {
                    self.undo();
                }
                if menu_button(ui, "Redo", REDO, self.doc.editor.can_redo(self.current)) {
                    self.redo();
                }
            });
            ui.separator();
            self.toolbar_ui(ui);
        });
    }

    /// The views, presenting, and the chart's tools beside the menus.
    fn toolbar_ui(&mut self, ui: &mut Ui) {
        for (mode, label) in [
            (ViewMode::Chart, "Chart"),
            (ViewMode::Matrix, "Matrix"),
            (ViewMode::Compare, "Compare"),
        ] {
            ui.selectable_value(&mut self.view, mode, label);
        }
        if ui
            .button("Present")
            .on_hover_text("Full screen, one model after another (F5; Esc leaves)")
            .clicked()
        {
            self.start_presenting(ui.ctx());
        }
        ui.separator();
        if ui
            .button("Add leader")
            .on_hover_text("Add a report to the selected leader")
            .clicked()
        {
            self.add_leader();
        }
        if ui
            .add_enabled(self.selection.is_some(), egui::Button::new("Delete"))
            .on_hover_text("Delete the selected leader or line (Delete)")
            .clicked()
        {
            self.delete_selection();
        }
        ui.toggle_value(&mut self.dotted_tool, "Dotted line tool")
            .on_hover_text("Connector drags add dotted lines (or hold Shift)");
        if ui
            .button("Auto layout")
            .on_hover_text("Put every card back in the tidy layout")
            .clicked()
        {
            self.apply(Edit::AutoLayout);
            self.zoom_to_fit();
        }
        if ui
            .button("Zoom to fit")
            .on_hover_text("Show the whole chart (F)")
            .clicked()
        {
            self.zoom_to_fit();
        }
        ui.separator();
        self.undo_redo_ui(ui);
    }

    fn undo_redo_ui(&mut self, ui: &mut Ui) {
        if ui
            .add_enabled(
                self.doc.editor.can_undo(self.current),
                egui::Button::new("Undo"),
            )
            .clicked()
        {
            self.undo();
        }
        if ui
            .add_enabled(
                self.doc.editor.can_redo(self.current),
                egui::Button::new("Redo"),
            )
            .clicked()
        {
            self.redo();
        }
    }
}
