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
const ACTUAL_SIZE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);
const EXPAND_ALL: KeyboardShortcut = KeyboardShortcut::new(CMD_SHIFT, Key::E);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
/// Ctrl+1 ... Ctrl+6: collapse to that many levels.
const LEVEL_KEYS: [Key; 6] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
];

/// A menu button showing its shortcut the platform's way.
fn menu_button(ui: &mut Ui, label: &str, shortcut: KeyboardShortcut, enabled: bool) -> bool {
    let text = ui.ctx().format_shortcut(&shortcut);
    ui.add_enabled(enabled, egui::Button::new(label).shortcut_text(text))
        .clicked()
}

impl ChartroomApp {
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
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
        self.view_shortcuts(ctx);
        // Not while typing; a focused card or button leaves the keys to
        // the chart.
        if ctx.text_edit_focused() {
            return;
        }
        self.chart_shortcuts(ctx);
        self.keyboard_shortcuts(ctx);
    }

    /// Zoom, folding and find: with Ctrl, so they work while typing too.
    fn view_shortcuts(&mut self, ctx: &egui::Context) {
        let pressed = |s: KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(&s));
        if pressed(ACTUAL_SIZE) {
            self.actual_size();
        }
        if pressed(EXPAND_ALL) {
            self.apply(Edit::ExpandAll);
        }
        for (i, key) in LEVEL_KEYS.into_iter().enumerate() {
            if pressed(KeyboardShortcut::new(Modifiers::COMMAND, key)) {
                self.apply(Edit::CollapseToLevel(i + 1));
            }
        }
        if pressed(FIND) {
            self.open_find();
        }
    }

    /// Single keys acting on the chart and the selection; not while typing.
    fn chart_shortcuts(&mut self, ctx: &egui::Context) {
        let shortcut = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
        let pressed = |s: KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(&s));
        if pressed(shortcut(Modifiers::NONE, Key::Delete))
            || pressed(shortcut(Modifiers::NONE, Key::Backspace))
        {
            self.delete_selection();
        }
        if let Some(Selection::Leader(id)) = &self.selection {
            let id = id.clone();
            if pressed(shortcut(Modifiers::NONE, Key::Minus)) {
                self.apply(Edit::SetCollapsed {
                    id,
                    collapsed: true,
                });
            } else if pressed(shortcut(Modifiers::NONE, Key::Plus))
                || pressed(shortcut(Modifiers::NONE, Key::Equals))
            {
                self.apply(Edit::SetCollapsed {
                    id,
                    collapsed: false,
                });
            }
        }
        if pressed(shortcut(Modifiers::NONE, Key::F2))
            && matches!(self.selection, Some(Selection::Leader(_)))
        {
            self.inspector.focus_name = true;
        }
        // Alt+F5, as in PowerPoint: present with the presenter's view in a
        // window of its own.
        if pressed(shortcut(Modifiers::ALT, Key::F5)) {
            self.start_presenting(ctx);
            self.show_presenter_window();
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
        ui.menu_button("Open Recent", |ui| self.recent_menu_ui(ui));
        if menu_button(ui, "Save", SAVE, true) {
            self.save();
        }
        if menu_button(ui, "Save As…", SAVE_AS, true) {
            self.save_as();
        }
        ui.separator();
        if ui.button("Import people…").clicked() {
            self.import_people(None);
        }
        if ui
            .add_enabled(
                self.current_model().is_some(),
                egui::Button::new("Update from file…"),
            )
            .clicked()
        {
            self.update_from_file(None);
        }
        ui.separator();
        if ui.button("Export SVG…").clicked() {
            self.export(ExportKind::Svg);
        }
        if ui.button("Export PNG…").clicked() {
            self.export(ExportKind::Png);
        }
        if ui.button("Board pack details…").clicked() {
            self.open_pack_details();
        }
        if ui.button("Export board pack (PDF)…").clicked() {
            self.export(ExportKind::Pdf);
        }
        if ui
            .button("Export slides (PowerPoint)…")
            .on_hover_text("One slide per scene, with the notes as speaker notes")
            .clicked()
        {
            self.export(ExportKind::Pptx);
        }
        if ui.button("Export CSV…").clicked() {
            self.export(ExportKind::Csv);
        }
        ui.separator();
        if ui.button("Quit").clicked() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// The recent files; one that is gone is greyed out.
    fn recent_menu_ui(&mut self, ui: &mut Ui) {
        if self.recent.files().is_empty() {
            ui.add_enabled(false, egui::Button::new("No recent files"));
        }
        let mut chosen = None;
        for path in self.recent.files() {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let button = egui::Button::new(crate::core::text::visible(&name).into_owned());
            let resp = ui
                .add_enabled(path.exists(), button)
                .on_hover_text(path.display().to_string())
                .on_disabled_hover_text(format!("{} is gone", path.display()));
            if resp.clicked() {
                chosen = Some(path.clone());
            }
        }
        if let Some(path) = chosen {
            self.open(Some(path));
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
            ui.menu_button("View", |ui| self.view_menu_ui(ui));
            ui.separator();
            self.toolbar_ui(ui);
        });
    }

    fn view_menu_ui(&mut self, ui: &mut Ui) {
        if menu_button(ui, "Find…", FIND, true) {
            self.open_find();
        }
        ui.separator();
        if menu_button(ui, "Expand all", EXPAND_ALL, true) {
            self.apply(Edit::ExpandAll);
        }
        for (i, key) in LEVEL_KEYS.into_iter().enumerate() {
            let levels = i + 1;
            let label = format!(
                "Collapse to {levels} {}",
                if levels == 1 { "level" } else { "levels" }
            );
            let shortcut = KeyboardShortcut::new(Modifiers::COMMAND, key);
            if menu_button(ui, &label, shortcut, true) {
                self.apply(Edit::CollapseToLevel(levels));
            }
        }
        ui.separator();
        if menu_button(ui, "Actual size (100%)", ACTUAL_SIZE, true) {
            self.actual_size();
        }
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
            .on_hover_text(
                "Full screen, one scene after another (F5; Esc leaves). \
                 P shows the presenter's view (notes, next scene, time); \
                 Alt+F5 or W puts it in a window of its own for a second display",
            )
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
