//! Every command of the app, defined once: its label, its shortcut, when
//! it can run, and what it does. The menus, the toolbar, the keyboard and
//! the command palette (Ctrl+Shift+P) all read this table, so a shortcut
//! shown in a menu is the one that works, and a command added here is in
//! the palette without more code.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::core::model::Arrangement;
use crate::core::theme::ThemeName;
use crate::core::workspace::Edit;
use crate::ui::canvas::Selection;
use crate::ui::picker::PickKind;

use super::{ChartroomApp, ExportKind, Step, ViewMode};

/// One thing the user can ask the app to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// File > New workspace.
    NewWorkspace,
    /// File > Open….
    Open,
    /// File > Save.
    Save,
    /// File > Save As….
    SaveAs,
    /// File > Import people….
    ImportPeople,
    /// File > Update from file….
    UpdateFromFile,
    /// File > Export … in this format.
    Export(ExportKind),
    /// File > Board pack details….
    BoardPackDetails,
    /// File > Quit.
    Quit,
    /// Edit > Undo.
    Undo,
    /// Edit > Redo.
    Redo,
    /// Add a report to the selected leader.
    AddLeader,
    /// Delete the selected leader or line.
    DeleteSelection,
    /// Rename the selected leader (the inspector's name field).
    RenameLeader,
    /// Move the selected leader: pick their new manager.
    PickManager,
    /// Add a dotted line from the selected leader: pick the manager.
    PickDotted,
    /// Fold the selected leader's reports away.
    Fold,
    /// Show the selected leader's reports.
    Unfold,
    /// Put every card back in the tidy layout.
    AutoLayout,
    /// Connector drags add dotted lines.
    DottedTool,
    /// Move the selection along the reporting lines.
    Select(Step),
    /// Clear the selection and the spotlight.
    ClearSelection,
    /// A new model with one leader.
    NewModel,
    /// A copy of the shown model.
    DuplicateModel,
    /// Delete the shown model (undoable).
    DeleteModel,
    /// Move the shown model up (-1) or down (+1) the list.
    MoveModel(isize),
    /// Put the shown model back as its preset has it.
    ResetToPreset,
    /// View > Find….
    Find,
    /// View > Expand all.
    ExpandAll,
    /// View > Collapse to N levels (1 to 6).
    CollapseTo(usize),
    /// View > Actual size (100%).
    ActualSize,
    /// Show the whole chart.
    ZoomToFit,
    /// The chart, the matrix or the comparison.
    Show(ViewMode),
    /// Theme > ….
    Theme(ThemeName),
    /// Present, full screen.
    Present,
    /// Present with the presenter's view in a window of its own.
    PresentWithPresenterWindow,
    /// The command palette.
    Palette,
    /// Help > Keyboard shortcuts: every shortcut of this table.
    KeyboardShortcuts,
    /// Help > About Chartroom: version, licence, where files are kept.
    About,
    /// Scenario > Try a model on this organisation….
    TryModel,
    /// Scenario > Compare scenarios side by side.
    CompareScenarios,
    /// View > Layout: leaf reports in rows or stacked columns.
    Arrange(Arrangement),
    /// Edit > Assistant: the selected leader is (or is no longer) an
    /// assistant, beside their manager's line.
    ToggleAssistant,
}

/// A shortcut with Ctrl (Cmd on macOS).
const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

/// A shortcut with Ctrl+Shift.
const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

/// A key on its own.
const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

/// The keys for Collapse to 1 ... 6 levels.
const LEVEL_KEYS: [Key; 6] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
];

impl Command {
    /// Every command, in the order the palette and the shortcut list
    /// show them.
    pub fn all() -> Vec<Self> {
        use Command as C;
        let mut all = vec![
            C::NewWorkspace,
            C::Open,
            C::Save,
            C::SaveAs,
            C::ImportPeople,
            C::UpdateFromFile,
        ];
        all.extend(ExportKind::ALL.map(C::Export));
        all.extend([C::BoardPackDetails, C::Quit, C::Undo, C::Redo]);
        all.extend([
            C::AddLeader,
            C::DeleteSelection,
            C::RenameLeader,
            C::PickManager,
            C::PickDotted,
            C::Fold,
            C::Unfold,
            C::ToggleAssistant,
            C::AutoLayout,
            C::DottedTool,
        ]);
        all.extend([Step::Up, Step::Down, Step::Left, Step::Right].map(C::Select));
        all.extend([
            C::ClearSelection,
            C::NewModel,
            C::DuplicateModel,
            C::DeleteModel,
            C::MoveModel(-1),
            C::MoveModel(1),
            C::ResetToPreset,
            C::Find,
            C::ExpandAll,
        ]);
        all.extend((1..=LEVEL_KEYS.len()).map(C::CollapseTo));
        all.extend([C::ActualSize, C::ZoomToFit]);
        all.extend([ViewMode::Chart, ViewMode::Matrix, ViewMode::Compare].map(C::Show));
        all.extend(ThemeName::ALL.map(C::Theme));
        all.extend([
            C::Present,
            C::PresentWithPresenterWindow,
            C::Palette,
            C::KeyboardShortcuts,
            C::About,
            C::TryModel,
            C::CompareScenarios,
            C::Arrange(Arrangement::Wide),
            C::Arrange(Arrangement::Stacked),
        ]);
        all
    }

    /// What the command is called in menus and the palette.
    pub fn label(self) -> String {
        use Command as C;
        let text = match self {
            C::NewWorkspace => "New workspace",
            C::Open => "Open…",
            C::Save => "Save",
            C::SaveAs => "Save As…",
            C::ImportPeople => "Import people…",
            C::UpdateFromFile => "Update from file…",
            C::Export(kind) => kind.menu_label(),
            C::BoardPackDetails => "Board pack details…",
            C::Quit => "Quit",
            C::Undo => "Undo",
            C::Redo => "Redo",
            C::AddLeader => "Add leader",
            C::DeleteSelection => "Delete",
            C::RenameLeader => "Rename leader",
            C::PickManager => "Move leader to a manager…",
            C::PickDotted => "Add dotted line to…",
            C::Fold => "Fold reports",
            C::Unfold => "Unfold reports",
            C::AutoLayout => "Auto layout",
            C::DottedTool => "Dotted line tool",
            C::Select(Step::Up) => "Select manager",
            C::Select(Step::Down) => "Select first report",
            C::Select(Step::Left) => "Select previous colleague",
            C::Select(Step::Right) => "Select next colleague",
            C::ClearSelection => "Clear selection",
            C::NewModel => "New model",
            C::DuplicateModel => "Duplicate",
            C::DeleteModel => "Delete model",
            C::MoveModel(by) if by < 0 => "Move model up",
            C::MoveModel(_) => "Move model down",
            C::ResetToPreset => "Reset to preset",
            C::KeyboardShortcuts => "Keyboard shortcuts",
            C::About => "About Chartroom",
            C::TryModel => "Try a model on this organisation…",
            C::CompareScenarios => "Compare scenarios side by side",
            C::ToggleAssistant => "Assistant (beside the manager)",
            C::Arrange(arrangement) => return format!("Layout: {}", arrangement.label()),
            C::Find => "Find…",
            C::ExpandAll => "Expand all",
            C::CollapseTo(1) => "Collapse to 1 level",
            C::CollapseTo(n) => return format!("Collapse to {n} levels"),
            C::ActualSize => "Actual size (100%)",
            C::ZoomToFit => "Zoom to fit",
            C::Show(ViewMode::Chart) => "Chart",
            C::Show(ViewMode::Matrix) => "Matrix",
            C::Show(ViewMode::Compare) => "Compare",
            C::Theme(name) => return format!("Theme: {}", name.label()),
            C::Present => "Present",
            C::PresentWithPresenterWindow => "Present with presenter view",
            C::Palette => "Command palette…",
        };
        text.to_owned()
    }

    /// Its shortcuts, the first shown in menus; none for most.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        use Command as C;
        match self {
            C::NewWorkspace => vec![ctrl(Key::N)],
            C::Open => vec![ctrl(Key::O)],
            C::Save => vec![ctrl(Key::S)],
            C::SaveAs => vec![ctrl_shift(Key::S)],
            C::Undo => vec![ctrl(Key::Z)],
            C::Redo => vec![ctrl_shift(Key::Z), ctrl(Key::Y)],
            C::DeleteSelection => vec![plain(Key::Delete), plain(Key::Backspace)],
            C::RenameLeader => vec![plain(Key::F2), plain(Key::Enter)],
            C::PickManager => vec![plain(Key::M)],
            C::PickDotted => vec![plain(Key::L)],
            C::Fold => vec![plain(Key::Minus)],
            C::ToggleAssistant => vec![plain(Key::A)],
            C::Unfold => vec![plain(Key::Plus), plain(Key::Equals)],
            C::Select(Step::Up) => vec![plain(Key::ArrowUp)],
            C::Select(Step::Down) => vec![plain(Key::ArrowDown)],
            C::Select(Step::Left) => vec![plain(Key::ArrowLeft)],
            C::Select(Step::Right) => vec![plain(Key::ArrowRight)],
            C::ClearSelection => vec![plain(Key::Escape)],
            C::Find => vec![ctrl(Key::F)],
            C::ExpandAll => vec![ctrl_shift(Key::E)],
            C::CollapseTo(n) => match n {
                1 => vec![ctrl(LEVEL_KEYS[0])],
                2 => vec![ctrl(LEVEL_KEYS[1])],
                3 => vec![ctrl(LEVEL_KEYS[2])],
                4 => vec![ctrl(LEVEL_KEYS[3])],
                5 => vec![ctrl(LEVEL_KEYS[4])],
                _ => vec![ctrl(LEVEL_KEYS[5])],
            },
            C::ActualSize => vec![ctrl(Key::Num0)],
            C::ZoomToFit => vec![plain(Key::F)],
            C::Present => vec![plain(Key::F5)],
            C::PresentWithPresenterWindow => {
                vec![KeyboardShortcut::new(Modifiers::ALT, Key::F5)]
            }
            C::Palette => vec![ctrl_shift(Key::P)],
            C::KeyboardShortcuts => vec![plain(Key::F1)],
            _ => vec![],
        }
    }

    /// All its shortcuts the platform's way ("Ctrl+Shift+Z or Ctrl+Y"),
    /// as Help > Keyboard shortcuts lists them; `None` for a command
    /// without keys.
    pub fn keys_text(self, ctx: &egui::Context) -> Option<String> {
        let keys: Vec<String> = self
            .shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect();
        (!keys.is_empty()).then(|| keys.join(" or "))
    }

    /// Whether its keys work while a text field has the keyboard: the
    /// ones with Ctrl do (Ctrl+Z in a name field undoes), single keys
    /// belong to the text.
    fn works_while_typing(self) -> bool {
        self.shortcuts()
            .first()
            .is_some_and(|s| s.modifiers.command)
    }

    /// A word on what it does, for the palette and tooltips.
    pub fn hint(self) -> &'static str {
        use Command as C;
        match self {
            C::DeleteModel => "Deletes the shown model; Ctrl+Z brings it back",
            C::ResetToPreset => "Puts this model back as the preset has it (undoable)",
            C::AddLeader => "Adds a report to the selected leader",
            C::DeleteSelection => "Deletes the selected leader (reports move up) or line",
            C::AutoLayout => "Puts every card back in the tidy layout",
            C::ZoomToFit => "Shows the whole chart",
            C::DottedTool => "Connector drags add dotted lines (or hold Shift)",
            C::Arrange(Arrangement::Wide) => "Reports without reports of their own side by side",
            C::Arrange(Arrangement::Stacked) => {
                "Reports without reports of their own in a column under their manager: \
                 a narrower chart for pages and slides (undoable)"
            }
            C::Present => "Full screen, one scene after another (Esc leaves)",
            C::PresentWithPresenterWindow => {
                "The presenter's view (notes, next scene, time) in a window of its own"
            }
            C::Export(ExportKind::Pptx) => "One slide per scene, with the notes as speaker notes",
            _ => "",
        }
    }
}

impl ChartroomApp {
    /// True when `command` can run now.
    pub fn can_run(&self, command: Command) -> bool {
        use Command as C;
        let leader_selected = matches!(self.selection, Some(Selection::Leader(_)));
        let models = self.doc.editor.workspace().models.len();
        let at = self.doc.editor.workspace().index_of(&self.current);
        match command {
            C::Undo => self.doc.editor.can_undo(&self.current),
            C::Redo => self.doc.editor.can_redo(&self.current),
            C::UpdateFromFile => self.current_model().is_some(),
            C::DeleteSelection => self.selection.is_some(),
            C::RenameLeader
            | C::PickManager
            | C::PickDotted
            | C::Fold
            | C::Unfold
            | C::ToggleAssistant => leader_selected,
            C::DeleteModel => models > 1,
            C::MoveModel(by) => {
                at.is_some_and(|i| i.checked_add_signed(by).is_some_and(|to| to < models))
            }
            C::ResetToPreset => self.current_model().is_some_and(|m| m.preset.is_some()),
            C::Arrange(arrangement) => self
                .current_model()
                .is_some_and(|m| m.chart.arrangement() != arrangement),
            C::CompareScenarios => {
                crate::core::impact::scenario_family(self.doc.editor.workspace(), &self.current)
                    .is_some()
            }
            _ => true,
        }
    }

    /// Runs `command` if it can run now.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        use Command as C;
        if !self.can_run(command) {
            return;
        }
        match command {
            C::NewWorkspace => {
                self.request_new_workspace();
            }
            C::Open => self.open(None),
            C::Save => {
                self.save();
            }
            C::SaveAs => {
                self.save_as();
            }
            C::ImportPeople => self.import_people(None),
            C::UpdateFromFile => self.update_from_file(None),
            C::Export(kind) => self.export(kind),
            C::BoardPackDetails => self.open_pack_details(),
            C::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            C::Undo => self.undo(),
            C::Redo => self.redo(),
            C::Select(step) => self.step(step),
            C::ClearSelection => {
                self.selection = None;
                self.panels.pinned_overlap = None;
            }
            C::Find => self.open_find(),
            C::ExpandAll => self.apply(Edit::ExpandAll),
            C::Arrange(arrangement) => self.apply(Edit::SetArrangement(arrangement)),
            C::CollapseTo(levels) => self.apply(Edit::CollapseToLevel(levels)),
            C::ActualSize => self.actual_size(),
            C::ZoomToFit => self.zoom_to_fit(),
            C::Show(view) => self.view = view,
            C::Theme(name) => self.set_theme(ctx, name),
            C::Present => self.start_presenting(ctx),
            C::PresentWithPresenterWindow => {
                self.start_presenting(ctx);
                self.show_presenter_window();
            }
            C::Palette => self.open_palette(),
            C::KeyboardShortcuts => self.modal = Some(super::Modal::Shortcuts),
            C::About => self.modal = Some(super::Modal::About),
            C::TryModel => self.try_model(),
            C::CompareScenarios => self.compare_scenarios(),
            _ => self.run_edit_command(command),
        }
    }

    /// The commands that change the chart, the selection's leader or the
    /// model list.
    fn run_edit_command(&mut self, command: Command) {
        use Command as C;
        let selected = match &self.selection {
            Some(Selection::Leader(id)) => Some(id.clone()),
            _ => None,
        };
        match command {
            C::AddLeader => self.add_leader(),
            C::DeleteSelection => self.delete_selection(),
            C::RenameLeader => self.panels.inspector.focus_name = true,
            C::PickManager => self.panels.inspector.picker.open(PickKind::Manager),
            C::PickDotted => self.panels.inspector.picker.open(PickKind::Dotted),
            C::Fold | C::Unfold => {
                if let Some(id) = selected {
                    let collapsed = command == C::Fold;
                    self.apply(Edit::SetCollapsed { id, collapsed });
                }
            }
            C::ToggleAssistant => {
                let leader = selected.and_then(|id| {
                    let model = self.current_model()?;
                    model.chart.leader(&id).cloned()
                });
                if let Some(mut leader) = leader {
                    leader.assistant = !leader.assistant;
                    self.apply(Edit::UpdateLeader(leader));
                }
            }
            C::AutoLayout => {
                self.apply(Edit::AutoLayout);
                self.zoom_to_fit();
            }
            C::DottedTool => self.panels.dotted_tool = !self.panels.dotted_tool,
            C::NewModel
            | C::DuplicateModel
            | C::DeleteModel
            | C::MoveModel(_)
            | C::ResetToPreset => self.model_command(command),
            _ => {}
        }
    }

    /// Runs the commands whose shortcut was pressed this frame. With a
    /// text field focused only those with Ctrl; a focused card or button
    /// leaves the plain keys to the chart as well.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.text_edit_focused();
        let mut commands = Command::all();
        // Longer combinations first: Ctrl+Z would also match Ctrl+Shift+Z.
        commands.sort_by_key(|c| {
            std::cmp::Reverse(
                c.shortcuts()
                    .first()
                    .map_or(0, |s| modifier_count(s.modifiers)),
            )
        });
        for command in commands {
            if typing && !command.works_while_typing() {
                continue;
            }
            let pressed = command
                .shortcuts()
                .iter()
                .any(|s| ctx.input_mut(|i| i.consume_shortcut(s)));
            if pressed {
                self.run(ctx, command);
            }
        }
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.command || m.ctrl)
}
