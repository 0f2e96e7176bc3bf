//! Files: open, save, save as, the unsaved-changes prompt, and the native
//! dialogs behind a trait so tests can answer them.

use std::path::{Path, PathBuf};

use crate::core::model::{Leader, OrgChart, Role};
use crate::core::recovery::FileStamp;
use crate::core::safe_write::{self, Backup};
use crate::core::workspace::{Model, Workspace};
use crate::core::{export, format};

use super::ChartroomApp;
use super::paths::PathPurpose;

/// Native file dialogs, behind a trait so tests can answer them.
pub trait FileDialogs {
    /// Asks for a file to open.
    fn pick_open(&mut self) -> Option<PathBuf>;
    /// Asks where to save, suggesting a file name.
    fn pick_save(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// Asks where to export a picture or the board pack, suggesting a file
    /// name with the format's extension.
    fn pick_export(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// Asks for an HR export to import.
    fn pick_import(&mut self) -> Option<PathBuf>;
    /// True when the last dialog could not be shown at all (not cancelled).
    fn unavailable(&self) -> bool {
        false
    }
}

/// The real dialogs, through rfd.
#[derive(Debug, Default)]
pub struct NativeDialogs {
    unavailable: bool,
}

/// A dialog that gives nothing back sooner than this was never shown (no
/// one cancels a dialog that fast).
const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(150);

impl NativeDialogs {
    /// Runs a dialog, noting whether it could be shown.
    fn ask(&mut self, dialog: impl FnOnce() -> Option<PathBuf>) -> Option<PathBuf> {
        let start = std::time::Instant::now();
        let picked = dialog();
        self.unavailable = picked.is_none() && start.elapsed() < NO_DIALOG_WITHIN;
        picked
    }
}

impl FileDialogs for NativeDialogs {
    fn unavailable(&self) -> bool {
        self.unavailable
    }

    fn pick_open(&mut self) -> Option<PathBuf> {
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter("Chartroom", &[format::EXTENSION, "json"])
                .pick_file()
        })
    }

    fn pick_save(&mut self, suggested_name: &str) -> Option<PathBuf> {
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter("Chartroom", &[format::EXTENSION])
                .add_filter("JSON", &["json"])
                .set_file_name(suggested_name)
                .save_file()
        })
    }

    fn pick_import(&mut self) -> Option<PathBuf> {
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter("HR export", &crate::core::import::EXTENSIONS)
                .pick_file()
        })
    }

    fn pick_export(&mut self, suggested_name: &str) -> Option<PathBuf> {
        let extension = Path::new(suggested_name)
            .extension()
            .map_or_else(String::new, |e| e.to_string_lossy().into_owned());
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter(extension.to_uppercase(), &[extension.as_str()])
                .set_file_name(suggested_name)
                .save_file()
        })
    }
}

/// What File > Export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The shown model as SVG.
    Svg,
    /// The shown model as PNG.
    Png,
    /// Every model as the PDF board pack.
    Pdf,
    /// Every scene as a PowerPoint slide.
    Pptx,
    /// The shown model as CSV, one row per leader (what Import reads).
    Csv,
}

impl ExportKind {
    /// Every kind, in the File menu's order.
    pub const ALL: [Self; 5] = [Self::Svg, Self::Png, Self::Pdf, Self::Pptx, Self::Csv];

    /// Its entry in the File menu.
    pub fn menu_label(self) -> &'static str {
        match self {
            Self::Svg => "Export SVG…",
            Self::Png => "Export PNG…",
            Self::Pdf => "Export board pack (PDF)…",
            Self::Pptx => "Export slides (PowerPoint)…",
            Self::Csv => "Export CSV…",
        }
    }
}

/// Something waiting for the user's answer about unsaved changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Pending {
    NewWorkspace,
    Open(Option<PathBuf>),
    Quit,
}

/// The answer to "Save your changes before ...?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum UnsavedAnswer {
    Save,
    DontSave,
    Cancel,
}

/// The answer to "The file changed on disk".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OverwriteAnswer {
    Overwrite,
    SaveAs,
    Cancel,
}

impl ChartroomApp {
    /// Opens a file, asking first about unsaved changes. A bad file leaves
    /// the workspace untouched and says why.
    pub fn open(&mut self, path: Option<PathBuf>) {
        if self.doc.editor.is_dirty() {
            self.doc.pending = Some(Pending::Open(path));
            return;
        }
        self.open_now(path);
    }

    pub(super) fn open_now(&mut self, path: Option<PathBuf>) {
        let Some(path) = path.or_else(|| self.dialogs.pick_open()) else {
            return self.dialog_gave_nothing(PathPurpose::Open);
        };
        match format::load_path(&path) {
            Ok(workspace) => {
                self.replace_workspace(workspace, Some(path.clone()));
                self.session.recent.add(&path);
                self.say(format!("Opened {}", path.display()));
            }
            Err(e) => self.complain(format!("Could not open {}: {e}", path.display())),
        }
    }

    /// Saves to the current file, or asks where. Returns true when saved.
    pub fn save(&mut self) -> bool {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    /// Asks where to save, then saves. Returns true when saved.
    pub fn save_as(&mut self) -> bool {
        let suggested = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || format!("Org chart.{}", format::EXTENSION),
                |n| n.to_string_lossy().into_owned(),
            );
        let Some(path) = self.dialogs.pick_save(&suggested) else {
            self.dialog_gave_nothing(PathPurpose::SaveAs);
            return false;
        };
        self.save_as_to(path)
    }

    /// Saves to `path` (`.chartroom` added when it has no extension).
    pub(super) fn save_as_to(&mut self, mut path: PathBuf) -> bool {
        if path.extension().is_none() {
            path.set_extension(format::EXTENSION);
        }
        self.save_to(&path)
    }

    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        // Someone else changed the file since we opened or saved it: ask.
        if self.doc.path.as_deref() == Some(path)
            && let (Some(known), Some(now)) = (self.doc.disk_stamp, FileStamp::read(path))
            && known != now
        {
            self.doc.confirm_overwrite = Some(path.to_path_buf());
            return false;
        }
        self.write_to(path)
    }

    fn write_to(&mut self, path: &Path) -> bool {
        match format::save_path(self.doc.editor.workspace(), path) {
            Ok(()) => {
                self.doc.editor.mark_saved();
                self.doc.disk_stamp = FileStamp::read(path);
                self.doc.path = Some(path.to_path_buf());
                self.session.recent.add(path);
                self.say(format!("Saved {}", path.display()));
                true
            }
            Err(e) => {
                self.complain(format!("Not saved: {e}"));
                false
            }
        }
    }

    /// Exports the shown model (SVG, PNG at twice its size, CSV) or the
    /// whole workspace (the PDF board pack, PowerPoint slides) in the
    /// current theme, through the safe writer.
    pub fn export(&mut self, kind: ExportKind) {
        self.export_to(kind, None);
    }

    /// Exports to `path`, or where the dialog says.
    pub(super) fn export_to(&mut self, kind: ExportKind, path: Option<PathBuf>) {
        let Some(model) = self.current_model() else {
            return;
        };
        let palette = self.theme.name.palette();
        let (stem, extension) = match kind {
            ExportKind::Svg => (model.id.to_string(), "svg"),
            ExportKind::Png => (model.id.to_string(), "png"),
            ExportKind::Pdf => ("board-pack".to_owned(), "pdf"),
            ExportKind::Pptx => ("slides".to_owned(), "pptx"),
            ExportKind::Csv => (model.id.to_string(), "csv"),
        };
        let suggested = format!("{stem}.{extension}");
        if matches!(kind, ExportKind::Pdf | ExportKind::Pptx) {
            // The whole document, made off the UI thread once the place
            // to write it is known.
            let Some(mut path) = path.or_else(|| self.dialogs.pick_export(&suggested)) else {
                return self.dialog_gave_nothing(PathPurpose::Export(kind));
            };
            if path.extension().is_none() {
                path.set_extension(extension);
            }
            return self.export_in_background(kind, path);
        }
        let bytes = match kind {
            ExportKind::Png => export::picture_fits(&model.chart)
                .and_then(|()| export::png(&export::svg(model, &palette), 2.0)),
            ExportKind::Csv => Ok(crate::core::import::to_csv(model)),
            _ => Ok(export::svg(model, &palette).into_bytes()),
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(e) => return self.complain(format!("Not exported: {e}")),
        };
        let Some(mut path) = path.or_else(|| self.dialogs.pick_export(&suggested)) else {
            return self.dialog_gave_nothing(PathPurpose::Export(kind));
        };
        if path.extension().is_none() {
            path.set_extension(extension);
        }
        match safe_write::write_atomic(&path, &bytes, Backup::None) {
            Ok(()) => self.say(format!("Exported {}", path.display())),
            Err(e) => self.complain(format!("Not exported: {e}")),
        }
    }

    pub(super) fn new_workspace_now(&mut self) {
        let mut chart = OrgChart::new();
        // A fresh chart with one CEO cannot refuse its first leader.
        let _ = chart
            .add_leader(Leader::new("ceo", Role::Ceo, "CEO").with_title("Chief Executive Officer"));
        self.replace_workspace(
            Workspace::new(vec![Model {
                id: "model".into(),
                title: "Untitled model".into(),
                description: String::new(),
                preset: None,
                chart,
            }]),
            None,
        );
        self.say("New workspace");
    }

    pub(super) fn resolve_pending(&mut self, ctx: &egui::Context, save_first: bool) {
        let Some(pending) = self.doc.pending.take() else {
            return;
        };
        if save_first && !self.save() {
            return;
        }
        // The user chose: the unsaved changes go.
        self.doc.editor.mark_saved();
        match pending {
            Pending::NewWorkspace => self.new_workspace_now(),
            Pending::Open(path) => self.open_now(path),
            Pending::Quit => {
                self.doc.may_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    pub(super) fn request_new_workspace(&mut self) {
        if self.doc.editor.is_dirty() {
            self.doc.pending = Some(Pending::NewWorkspace);
        } else {
            self.new_workspace_now();
        }
    }

    /// Asks before saving over a file that changed on disk.
    pub(super) fn overwrite_ui(&mut self, ctx: &egui::Context) {
        let Some(path) = self.doc.confirm_overwrite.clone() else {
            return;
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::NULL.with("changed-on-disk")).show(ctx, |ui| {
            ui.heading("The file changed on disk");
            ui.label(format!(
                "{} was changed by someone or something else since you opened or saved it. \
                 Overwrite it with your version?",
                path.display()
            ));
            ui.horizontal(|ui| {
                if ui.button("Overwrite").clicked() {
                    answer = Some(OverwriteAnswer::Overwrite);
                }
                if ui.button("Save As…").clicked() {
                    answer = Some(OverwriteAnswer::SaveAs);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(OverwriteAnswer::Cancel);
                }
            });
        });
        if let Some(answer) = answer {
            self.doc.confirm_overwrite = None;
            match answer {
                OverwriteAnswer::Overwrite => {
                    self.write_to(&path);
                }
                OverwriteAnswer::SaveAs => {
                    self.save_as();
                }
                OverwriteAnswer::Cancel => self.say("Not saved"),
            }
        }
    }

    pub(super) fn confirm_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = &self.doc.pending else {
            return;
        };
        let what = match pending {
            Pending::NewWorkspace => "starting a new workspace",
            Pending::Open(_) => "opening another file",
            Pending::Quit => "quitting",
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::NULL.with("unsaved-changes")).show(ctx, |ui| {
            ui.heading("Unsaved changes");
            ui.label(format!("Save your changes before {what}?"));
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    answer = Some(UnsavedAnswer::Save);
                }
                if ui.button("Don't save").clicked() {
                    answer = Some(UnsavedAnswer::DontSave);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(UnsavedAnswer::Cancel);
                }
            });
        });
        match answer {
            Some(UnsavedAnswer::Save) => self.resolve_pending(ctx, true),
            Some(UnsavedAnswer::DontSave) => self.resolve_pending(ctx, false),
            Some(UnsavedAnswer::Cancel) => self.doc.pending = None,
            None => {}
        }
    }
}
