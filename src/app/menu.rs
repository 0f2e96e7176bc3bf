//! The menu bar and the toolbar, drawn from the table of commands
//! (`commands.rs`): a menu entry is a command's label, its first shortcut
//! and whether it can run now.

use egui::Ui;

use crate::core::model::Arrangement;
use crate::core::theme::ThemeName;

use super::commands::Command;
use super::{ChartroomApp, ExportKind, ViewMode};

impl ChartroomApp {
    /// A menu or toolbar button for `command`, with its shortcut the
    /// platform's way (macOS shows ⌘); runs it when clicked.
    fn command_ui(&mut self, ui: &mut Ui, command: Command) {
        let mut button = egui::Button::new(command.label());
        if let Some(shortcut) = command.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        let mut response = ui.add_enabled(self.can_run(command), button);
        if !command.hint().is_empty() {
            response = response.on_hover_text(command.hint());
        }
        if response.clicked() {
            self.run(ui.ctx(), command);
        }
    }

    /// A toolbar button for `command`: its label alone, its shortcut in
    /// the tooltip.
    fn tool_ui(&mut self, ui: &mut Ui, command: Command) {
        let mut hint = command.hint().to_owned();
        if let Some(shortcut) = command.shortcuts().first() {
            let keys = ui.ctx().format_shortcut(shortcut);
            hint = if hint.is_empty() {
                keys
            } else {
                format!("{hint} ({keys})")
            };
        }
        let button = egui::Button::new(command.label());
        let mut response = ui.add_enabled(self.can_run(command), button);
        if !hint.is_empty() {
            response = response.on_hover_text(hint);
        }
        if response.clicked() {
            self.run(ui.ctx(), command);
        }
    }

    fn file_menu_ui(&mut self, ui: &mut Ui) {
        self.command_ui(ui, Command::NewWorkspace);
        self.command_ui(ui, Command::Open);
        ui.menu_button("Open Recent", |ui| self.recent_menu_ui(ui));
        self.command_ui(ui, Command::Save);
        self.command_ui(ui, Command::SaveAs);
        ui.separator();
        self.command_ui(ui, Command::ImportPeople);
        self.command_ui(ui, Command::UpdateFromFile);
        ui.separator();
        for kind in [ExportKind::Svg, ExportKind::Png] {
            self.command_ui(ui, Command::Export(kind));
        }
        self.command_ui(ui, Command::BoardPackDetails);
        for kind in [ExportKind::Pdf, ExportKind::Pptx, ExportKind::Csv] {
            self.command_ui(ui, Command::Export(kind));
        }
        ui.separator();
        self.command_ui(ui, Command::Quit);
    }

    /// The recent files; one that is gone is greyed out.
    fn recent_menu_ui(&mut self, ui: &mut Ui) {
        if self.session.recent.files().is_empty() {
            ui.add_enabled(false, egui::Button::new("No recent files"));
        }
        let mut chosen = None;
        for path in self.session.recent.files() {
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
                self.command_ui(ui, Command::Undo);
                self.command_ui(ui, Command::Redo);
                ui.separator();
                self.command_ui(ui, Command::ToggleAssistant);
                ui.separator();
                self.command_ui(ui, Command::Palette);
            });
            ui.menu_button("View", |ui| self.view_menu_ui(ui));
            ui.menu_button("Scenario", |ui| {
                self.command_ui(ui, Command::TryModel);
                self.command_ui(ui, Command::CompareScenarios);
            });
            ui.menu_button("Help", |ui| {
                self.command_ui(ui, Command::KeyboardShortcuts);
                self.command_ui(ui, Command::About);
            });
            ui.separator();
            self.toolbar_ui(ui);
        });
    }

    fn view_menu_ui(&mut self, ui: &mut Ui) {
        self.command_ui(ui, Command::Find);
        ui.separator();
        self.command_ui(ui, Command::ExpandAll);
        for levels in 1..=6 {
            self.command_ui(ui, Command::CollapseTo(levels));
        }
        ui.separator();
        for arrangement in [Arrangement::Wide, Arrangement::Stacked] {
            self.command_ui(ui, Command::Arrange(arrangement));
        }
        ui.separator();
        self.command_ui(ui, Command::ActualSize);
        self.command_ui(ui, Command::ZoomToFit);
    }

    /// The views, presenting, and the chart's tools beside the menus.
    fn toolbar_ui(&mut self, ui: &mut Ui) {
        for mode in [ViewMode::Chart, ViewMode::Matrix, ViewMode::Compare] {
            let label = Command::Show(mode).label();
            ui.selectable_value(&mut self.view, mode, label);
        }
        let present = ui.button(Command::Present.label()).on_hover_text(
            "Full screen, one scene after another (F5; Esc leaves). \
             P shows the presenter's view (notes, next scene, time); \
             Alt+F5 or W puts it in a window of its own for a second display",
        );
        if present.clicked() {
            self.run(ui.ctx(), Command::Present);
        }
        ui.separator();
        self.tool_ui(ui, Command::AddLeader);
        self.tool_ui(ui, Command::DeleteSelection);
        ui.toggle_value(&mut self.panels.dotted_tool, Command::DottedTool.label())
            .on_hover_text(Command::DottedTool.hint());
        self.tool_ui(ui, Command::AutoLayout);
        self.tool_ui(ui, Command::ZoomToFit);
        ui.separator();
        self.tool_ui(ui, Command::Undo);
        self.tool_ui(ui, Command::Redo);
    }
}
