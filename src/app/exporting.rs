//! The board pack and the slides are made off the UI thread: a big pack
//! takes seconds (svg2pdf works page by page), and the window stays live
//! meanwhile, the status bar counting the seconds. The file is written
//! (safely) when the work is done.

use std::path::PathBuf;
use std::time::Duration;

use crate::core::export::{self, RenderError};
use crate::core::safe_write::{self, Backup};
use crate::ui::aside::{Poll, Worker};

use super::ChartroomApp;
use super::files::ExportKind;

/// A board pack or slides being made.
pub(super) struct Exporting {
    /// "board pack" or "slides", for the status bar.
    what: &'static str,
    path: PathBuf,
    work: Worker<Result<Vec<u8>, RenderError>>,
}

impl ChartroomApp {
    /// Starts making the whole document as `kind` (a PDF board pack or
    /// PowerPoint slides) for `path`, off the UI thread.
    pub(super) fn export_in_background(&mut self, kind: ExportKind, path: PathBuf) {
        let what = if kind == ExportKind::Pptx {
            "slides"
        } else {
            "board pack"
        };
        if self.session.exporting.is_some() {
            return self.complain(format!(
                "Not exported: the last export is still being made; try the {what} again when it is done"
            ));
        }
        // The document as it is now; edits made meanwhile are not in it.
        let workspace = self.doc.editor.workspace().clone();
        let palette = self.theme.name.palette();
        let work = Worker::spawn(move || {
            let options = export::PackOptions::for_workspace(&workspace);
            if kind == ExportKind::Pptx {
                export::slides_pptx(&workspace, &palette, &options)
            } else {
                export::board_pack_with(&workspace, &palette, &options)
            }
        });
        self.say(format!("Making the {what}…"));
        self.session.exporting = Some(Exporting { what, path, work });
    }

    /// Work done between frames: autosaving, and an export in the making
    /// (written when done; until then the status bar counts the seconds).
    pub(super) fn background_tick(&mut self, ctx: &egui::Context) {
        self.autosave_tick(ctx);
        let Some(job) = &self.session.exporting else {
            return;
        };
        let result = match job.work.poll() {
            Poll::Working(so_far) => {
                let text = format!("Making the {}… {} s", job.what, so_far.as_secs());
                self.say(text);
                ctx.request_repaint_after(Duration::from_millis(200));
                return;
            }
            Poll::Done(result) => result.map_err(|e| e.to_string()),
            Poll::Died => Err("it could not be made (a bug)".to_owned()),
        };
        let Some(job) = self.session.exporting.take() else {
            return;
        };
        let written = result.and_then(|bytes| {
            safe_write::write_atomic(&job.path, &bytes, Backup::None).map_err(|e| e.to_string())
        });
        match written {
            Ok(()) => self.say(format!("Exported {}", job.path.display())),
            Err(e) => self.complain(format!("Not exported: {e}")),
        }
    }
}
