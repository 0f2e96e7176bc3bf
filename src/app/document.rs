//! The document: what is being edited and where it lives on disk. The
//! editor (workspace, undo, dirty mark, revision), the file path and its
//! content stamp, autosave, and the questions waiting for an answer.

use std::path::PathBuf;

use crate::core::recovery::FileStamp;
use crate::core::workspace::{Editor, Workspace};

use super::files::Pending;
use super::recovery::Autosave;

/// One open document.
#[derive(Default)]
pub(super) struct Document {
    /// The workspace with undo and the unsaved mark.
    pub editor: Editor,
    /// The file it was opened from or saved to.
    pub path: Option<PathBuf>,
    /// The opened or saved file's content stamp, to notice changes on disk.
    pub disk_stamp: Option<FileStamp>,
    /// Autosave and recovery bookkeeping.
    pub autosave: Autosave,
    /// Something waiting for an answer about unsaved changes.
    pub pending: Option<Pending>,
    /// A save over a file that changed on disk, waiting for an answer.
    pub confirm_overwrite: Option<PathBuf>,
    /// The user agreed to quit with unsaved changes.
    pub may_close: bool,
}

impl Document {
    /// Starts on a workspace from `path` (or none); it counts as saved.
    /// Autosave carries over: it belongs to the app's session, not the file.
    pub fn replace(&mut self, workspace: Workspace, path: Option<PathBuf>) {
        self.editor = Editor::new(workspace);
        self.disk_stamp = path.as_deref().and_then(FileStamp::read);
        self.path = path;
    }

    /// True while a question is on screen.
    pub fn asking(&self) -> bool {
        self.pending.is_some() || self.confirm_overwrite.is_some()
    }
}
