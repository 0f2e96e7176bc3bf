//! The eframe application: the document, file dialogs, shortcuts, and
//! applying the canvas's and panels' requests through the core's editor.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{RichText, Ui};

use crate::core::analysis;
use crate::core::facts::Facts;
use crate::core::presets;
use crate::core::recent::RecentFiles;
use crate::core::text::visible;
use crate::core::theme::ThemeName;
use crate::core::wording::{count, thousands};
use crate::core::workspace::{self, Editor, Model, ModelId, Workspace};
use crate::ui::canvas::{CanvasState, Selection};
use crate::ui::compare::CompareState;
use crate::ui::matrix::MatrixState;
use crate::ui::panels::InspectorState;
use crate::ui::present::{PresentEvent, PresentState, present_ui};
use crate::ui::theme::Theme;

mod commands;
mod document;
mod edits;
mod exporting;
mod files;
mod find;
mod help;
mod import;
mod keyboard;
mod menu;
mod modal;
mod models;
mod native;
mod pack;
mod palette;
mod paths;
mod recovery;
mod scenario;
mod view;
mod views;

use document::Document;
use files::Pending;
pub use files::{ExportKind, FileDialogs, NativeDialogs};
pub use keyboard::Step;
pub use native::run_native;
pub use recovery::{AUTOSAVE_DELAY_SECS, SharedCrashCopy, install_panic_hook};
pub use view::ModelView;
use view::Views;
pub use views::ViewMode;

pub use commands::Command;
use modal::Modal;

/// A message in the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// What to say.
    pub text: String,
    /// Shown in the error colour.
    pub is_error: bool,
}

/// A chart with more leaders than this opens collapsed to the levels that
/// fit (a slide holds a few hundred cards at most).
pub const OPEN_FOLDED_OVER: usize = 300;

/// The Chartroom app: a document, the view of each of its models, and the
/// shell around them (selection, panels, status, the other views).
pub struct ChartroomApp {
    doc: Document,
    views: Views,
    /// The shown model.
    current: ModelId,
    selection: Option<Selection>,
    view: ViewMode,
    panels: Panels,
    tabs: Tabs,
    theme: Theme,
    status: Option<Status>,
    /// The one window that waits for the user, if any.
    modal: Option<Modal>,
    dialogs: Box<dyn FileDialogs>,
    session: Session,
}

/// What the panels beside the chart keep between frames.
#[derive(Default)]
struct Panels {
    inspector: InspectorState,
    /// The finding kept spotlighted (by key).
    pinned_overlap: Option<String>,
    /// Clicks on two cards draw a dotted line.
    dotted_tool: bool,
    /// Every responsibility of the document, offered by the inspector.
    catalogue: Vec<String>,
    /// The find bar, while open.
    find: Option<find::FindState>,
}

/// The other views' own state.
#[derive(Default)]
struct Tabs {
    matrix: MatrixState,
    compare: CompareState,
    present: Option<PresentState>,
}

/// What this run of the app keeps beside the document.
#[derive(Default)]
struct Session {
    /// File > Open Recent.
    recent: RecentFiles,
    /// Where the window's place is kept when it closes (the real window only).
    window_store: Option<PathBuf>,
    /// The window title last asked for.
    shown_title: String,
    /// A board pack or slides being made.
    exporting: Option<exporting::Exporting>,
}

impl ChartroomApp {
    /// An app on a workspace, with the given dialogs.
    pub fn new(workspace: Workspace, path: Option<PathBuf>, dialogs: Box<dyn FileDialogs>) -> Self {
        let mut app = Self {
            doc: Document::default(),
            views: Views::default(),
            current: ModelId::default(),
            selection: None,
            view: ViewMode::Chart,
            panels: Panels::default(),
            tabs: Tabs::default(),
            theme: Theme::light(),
            status: None,
            modal: None,
            dialogs,
            session: Session::default(),
        };
        app.replace_workspace(workspace, path);
        app
    }

    /// Keeps File > Open Recent in `recent` (the app starts with none).
    #[must_use]
    pub fn with_recent(mut self, recent: RecentFiles) -> Self {
        self.session.recent = recent;
        self
    }

    /// The app on the eight presets.
    pub fn with_presets(dialogs: Box<dyn FileDialogs>) -> Self {
        Self::new(preset_workspace(), None, dialogs)
    }

    /// The editor (workspace, undo, dirty mark).
    pub fn editor(&self) -> &Editor {
        &self.doc.editor
    }

    /// The id of the shown model.
    pub fn current(&self) -> &ModelId {
        &self.current
    }

    /// The shown model.
    pub fn current_model(&self) -> Option<&Model> {
        self.doc.editor.model(&self.current)
    }

    /// The status bar message.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// The file the workspace was opened from or saved to.
    pub fn path(&self) -> Option<&Path> {
        self.doc.path.as_deref()
    }

    /// The overlap (by key) whose holders are spotlighted by a click.
    pub fn pinned_overlap(&self) -> Option<&str> {
        self.panels.pinned_overlap.as_deref()
    }

    /// Pan and zoom of the shown model's canvas (once it has been drawn).
    pub fn canvas(&self) -> Option<&CanvasState> {
        let model = self.current_model()?;
        self.views.get(&model.id).map(|v| &v.canvas)
    }

    /// How many times the shown model's facts (findings, layout, index)
    /// were worked out: once per change of its chart, never per frame.
    pub fn facts_made(&self) -> u64 {
        let model = self.current_model();
        model
            .and_then(|m| self.views.get(&m.id))
            .map_or(0, ModelView::facts_made)
    }

    /// The shown model's view state.
    pub(super) fn current_view(&mut self) -> Option<&mut ModelView> {
        let model = self.doc.editor.model(&self.current)?;
        Some(self.views.of(&model.id))
    }

    /// The shown model's derived facts, worked out once per change of its
    /// chart (a caption typed in the storyboard leaves them be).
    pub fn current_facts(&mut self) -> Option<Arc<Facts>> {
        let revision = self.doc.editor.chart_revision(&self.current);
        let model = self.doc.editor.model(&self.current)?;
        Some(self.views.facts(model, revision))
    }

    /// The selection.
    pub fn selection(&self) -> Option<&Selection> {
        self.selection.as_ref()
    }

    /// The window title: file name, and a mark when there are unsaved changes.
    pub fn title(&self) -> String {
        let name = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || "Presets".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
        let mark = if self.doc.editor.is_dirty() {
            "● "
        } else {
            ""
        };
        format!("{mark}{name} — Chartroom")
    }

    fn replace_workspace(&mut self, mut workspace: Workspace, path: Option<PathBuf>) {
        // A chart too big to read opens folded to the levels that fit.
        for model in &mut workspace.models {
            if let Some(levels) = workspace::fold_to_fit(&mut model.chart, OPEN_FOLDED_OVER) {
                self.status = Some(Status {
                    text: format!(
                        "{} has {} leaders: showing the top {}. View > Expand all shows everyone.",
                        visible(&model.title),
                        thousands(model.chart.len()),
                        count(levels, "level", "levels")
                    ),
                    is_error: false,
                });
            }
        }
        self.panels.catalogue = analysis::catalogue(
            workspace.models.iter().map(|m| &m.chart),
            &presets::EXTRA_RESPONSIBILITIES,
        );
        self.views.clear();
        self.current = workspace
            .models
            .first()
            .map(|m| m.id.clone())
            .unwrap_or_default();
        self.doc.replace(workspace, path);
        self.selection = None;
        self.panels.pinned_overlap = None;
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: false,
        });
    }

    fn complain(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: true,
        });
    }

    /// Shows the model with this id.
    pub fn show_model(&mut self, id: &ModelId) {
        if self.doc.editor.model(id).is_some() && *id != self.current {
            self.current = id.clone();
            self.selection = None;
            self.panels.pinned_overlap = None;
        }
    }

    /// Fits the shown chart to the canvas on the next frame.
    pub fn zoom_to_fit(&mut self) {
        if let Some(view) = self.current_view() {
            view.canvas.request_fit();
        }
    }

    /// Shows the chart at 100% (chart units are points) around the centre.
    pub fn actual_size(&mut self) {
        if let Some(view) = self.current_view() {
            view.canvas.zoom_to(1.0);
        }
    }

    /// Switches the theme of the canvas and the panels.
    pub fn set_theme(&mut self, ctx: &egui::Context, name: ThemeName) {
        self.theme = Theme::of(name);
        ctx.set_theme(if name == ThemeName::Dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
    }

    /// Starts presentation mode at the shown model: full screen, projector
    /// theme, one model after another.
    pub fn start_presenting(&mut self, ctx: &egui::Context) {
        // Start at the shown model's first scene.
        let shown = self.current_model().map(|m| m.id.clone());
        let start = self
            .doc
            .editor
            .workspace()
            .scenes()
            .iter()
            .position(|s| Some(&s.model) == shown.as_ref())
            .unwrap_or(0);
        self.tabs.present = Some(PresentState::new(start));
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    fn stop_presenting(&mut self, ctx: &egui::Context) {
        if let Some(present) = self.tabs.present.take() {
            let scenes = self.doc.editor.workspace().scenes();
            if let Some(model) = scenes.get(present.scene).map(|s| s.model.clone()) {
                self.show_model(&model);
            }
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }

    /// Gives the running presentation's presenter view a window of its own.
    fn show_presenter_window(&mut self) {
        if let Some(present) = &mut self.tabs.present {
            present.presenter_window = true;
        }
    }

    /// The presentation, while one runs.
    pub fn presentation(&self) -> Option<&PresentState> {
        self.tabs.present.as_ref()
    }

    /// True while a question is on screen; shortcuts wait for the answer.
    fn modal_open(&self) -> bool {
        self.doc.asking() || self.recovery_offers() > 0 || self.modal.is_some()
    }

    /// Draws the whole app into `ui` and handles its input.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        crate::ui::theme::install_fonts(&ctx);
        // Ctrl+0 and Ctrl+plus/minus belong to the chart, not to egui's
        // zoom of the whole interface.
        if ctx.options(|o| o.zoom_with_keyboard) {
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            self.keep_window_place(&ctx);
        }
        if ctx.input(|i| i.viewport().close_requested())
            && self.doc.editor.is_dirty()
            && !self.doc.may_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.doc.pending = Some(Pending::Quit);
        }
        // Presentation mode has keys of its own.
        if !self.modal_open() && self.tabs.present.is_none() {
            self.shortcuts(&ctx);
        }
        let title = self.title();
        if title != self.session.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.session.shown_title = title;
        }

        if let Some(present) = &mut self.tabs.present {
            let (workspace, revision) = (self.doc.editor.workspace(), self.doc.editor.revision());
            if present_ui(ui, present, workspace, revision) == Some(PresentEvent::Leave) {
                self.stop_presenting(&ctx);
            }
            self.background_tick(&ctx);
            return;
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        // The shown model's facts (findings, layout, ...), worked out once
        // per change, for the status bar and the view.
        let facts = self.current_facts().unwrap_or_default();
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui, &facts));
        match self.view {
            ViewMode::Chart | ViewMode::Matrix => self.model_view_ui(ui),
            ViewMode::Compare => self.compare_view_ui(ui),
        }
        self.confirm_ui(&ctx);
        self.modal_ui(&ctx);
        self.overwrite_ui(&ctx);
        self.recovery_ui(&ctx);
        self.background_tick(&ctx);
    }

    fn status_ui(&self, ui: &mut Ui, facts: &Facts) {
        ui.horizontal(|ui| {
            if let Some(status) = &self.status {
                let text = RichText::new(&status.text);
                ui.label(if status.is_error {
                    text.color(self.theme.error).strong()
                } else {
                    text
                });
            } else if self.view == ViewMode::Compare {
                let workspace = &self.doc.editor.workspace().models;
                ui.label(self.tabs.compare.status_line(workspace).unwrap_or_default());
            } else {
                let model = self.current_model();
                let leaders = model.map_or(0, |m| m.chart.len());
                let levels = facts.headcount.levels;
                let shared = facts
                    .findings
                    .iter()
                    .filter(|f| f.holders.len() > 1)
                    .count();
                // Open positions are posts, not people: counted apart.
                let open = facts.headcount.open;
                let mut who = count(leaders - open.min(leaders), "leader", "leaders");
                if open > 0 {
                    who = format!(
                        "{who} and {}",
                        count(open, "open position", "open positions")
                    );
                }
                ui.label(format!(
                    "{who} in {}, {}",
                    count(levels, "level", "levels"),
                    count(shared, "overlap", "overlaps")
                ));
            }
        });
    }
}

/// The eight presets; they are built in, so failing to load one is a bug
/// caught by the test suite, and the app then starts with those that load.
fn preset_workspace() -> Workspace {
    let models = presets::PRESETS
        .iter()
        .filter_map(|p| presets::model(p.id).ok())
        .collect();
    Workspace::new(models)
}

impl eframe::App for ChartroomApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        ChartroomApp::ui(self, ui);
    }
}
