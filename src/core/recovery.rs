//! Autosave and crash recovery.
//!
//! Each running app owns a *session* in the recovery folder: `ID.json` holds
//! its latest unsaved work (written through the safe writer), and `ID.lock`
//! is held with an exclusive lock for as long as the session lives. The OS
//! drops the lock when the process ends, however it ends, so on the next
//! start every `ID.json` whose lock can be taken belongs to a session that
//! did not finish: that work is offered back. Documents never go through
//! the GUI framework's own key-value storage, which overwrites in place.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::format::{self, LoadError};
use super::safe_write::{self, WriteError};
use super::workspace::Workspace;

/// A fingerprint of a file's content, to tell whether it changed on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// Length in bytes.
    pub len: u64,
    /// An FNV-1a style hash of the bytes taken eight at a time
    /// (little-endian words, then the last few bytes one by one): several
    /// times quicker than byte by byte on a file of 100,000 leaders.
    pub hash: u64,
}

impl FileStamp {
    /// The stamp of some bytes.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let words = bytes.chunks_exact(8);
        let tail = words.remainder();
        for word in words {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            hash ^= u64::from_le_bytes(w);
            hash = hash.wrapping_mul(PRIME);
            // A multiply carries bits up only: fold the high half down.
            hash ^= hash >> 32;
        }
        for &b in tail {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
        Self {
            len: bytes.len() as u64,
            hash,
        }
    }

    /// The stamp of a file as it is now, or `None` if it cannot be read.
    pub fn read(path: &Path) -> Option<Self> {
        std::fs::read(path).ok().map(|b| Self::of_bytes(&b))
    }
}

/// The recovery file's wrapper around a document.
#[derive(Serialize, Deserialize)]
struct RecoveryFile {
    chartroom_recovery: u32,
    saved_at_unix_secs: u64,
    original_path: Option<PathBuf>,
    original_stamp: Option<FileStamp>,
    document: String,
}

/// Work found in the recovery folder from a session that did not finish.
#[derive(Debug)]
pub struct Recovered {
    /// The recovery file.
    pub file: PathBuf,
    /// When it was written (seconds since 1970).
    pub saved_at_unix_secs: u64,
    /// The file the work belongs to, if it had been saved before.
    pub original: Option<PathBuf>,
    /// The stamp of that file when the work was last based on it.
    pub original_stamp: Option<FileStamp>,
    /// True when that file changed on disk after the work was last based on it.
    pub original_changed: bool,
    /// The work, loaded through the normal checks.
    pub workspace: Result<Workspace, LoadError>,
}

/// The recovery folder.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    dir: PathBuf,
}

/// A live session: its lock is held until it is dropped.
#[derive(Debug)]
pub struct Session {
    store: RecoveryStore,
    id: String,
    _lock: File,
}

/// Session ids are unique across processes (pid) and within one (this).
static NEXT_SESSION: AtomicU64 = AtomicU64::new(0);

fn now_unix_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl RecoveryStore {
    /// A store in `dir` (created when first written).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// `$CHARTROOM_DATA_DIR/recovery`, else the platform's data folder for
    /// Chartroom (`directories`: `$XDG_DATA_HOME/chartroom` or
    /// `~/.local/share/chartroom` on Linux, `~/Library/Application
    /// Support/Chartroom` on macOS, `%APPDATA%\\Chartroom\\data` on Windows)
    /// with `recovery` below it.
    pub fn default_dir() -> Option<PathBuf> {
        Self::dir_for(std::env::var_os("CHARTROOM_DATA_DIR"))
    }

    /// [`Self::default_dir`] with the value of `CHARTROOM_DATA_DIR` given.
    fn dir_for(data_dir: Option<std::ffi::OsString>) -> Option<PathBuf> {
        Some(super::recent::data_dir_for(data_dir)?.join("recovery"))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Starts a session: a fresh id and its lock.
    pub fn begin_session(&self) -> std::io::Result<Session> {
        create_private_dir(&self.dir)?;
        let n = NEXT_SESSION.fetch_add(1, Ordering::Relaxed);
        let id = format!("session-{}-{}-{n}", now_unix_secs(), std::process::id());
        let mut options = File::options();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let lock = options.open(self.dir.join(format!("{id}.lock")))?;
        lock.try_lock().map_err(std::io::Error::other)?;
        Ok(Session {
            store: self.clone(),
            id,
            _lock: lock,
        })
    }

    /// Work left by sessions that did not finish, newest first. Locks of
    /// ended sessions with nothing to recover are removed on the way.
    pub fn orphans(&self) -> Vec<Recovered> {
        self.remove_stale_locks();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Recovered> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter(|p| !is_live(&p.with_extension("lock")))
            .map(|p| read_recovery(&p))
            .collect();
        found.sort_by(|a, b| {
            b.saved_at_unix_secs
                .cmp(&a.saved_at_unix_secs)
                .then(a.file.cmp(&b.file))
        });
        found
    }

    /// Removes a recovered file and its lock.
    pub fn discard(&self, file: &Path) {
        let _ = std::fs::remove_file(file);
        let _ = std::fs::remove_file(file.with_extension("lock"));
    }
}

impl RecoveryStore {
    /// Removes the lock files of sessions that ended (their lock can be
    /// taken) and left no work behind.
    fn remove_stale_locks(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.extension().is_some_and(|x| x == "lock")
                && !path.with_extension("json").exists()
                && !is_live(&path)
            {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

/// Makes the folder (and its parents) and keeps it to its owner (`0700`).
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// True when another live session holds this lock.
fn is_live(lock: &Path) -> bool {
    let Ok(file) = File::open(lock) else {
        return false;
    };
    match file.try_lock() {
        Ok(()) => {
            let _ = file.unlock();
            false
        }
        Err(_) => true,
    }
}

fn read_recovery(path: &Path) -> Recovered {
    let parsed = std::fs::read_to_string(path)
        .map_err(|e| LoadError::Io {
            path: path.display().to_string(),
            reason: e.to_string(),
        })
        .and_then(|text| {
            serde_json::from_str::<RecoveryFile>(&text).map_err(|e| LoadError::Io {
                path: path.display().to_string(),
                reason: format!("not a recovery file: {e}"),
            })
        });
    match parsed {
        Ok(file) => {
            // A file deleted since is not "changed": saving recreates it.
            let original_changed = file.original_path.as_deref().is_some_and(|p| {
                let now = FileStamp::read(p);
                now.is_some() && file.original_stamp.is_some() && now != file.original_stamp
            });
            Recovered {
                file: path.to_path_buf(),
                saved_at_unix_secs: file.saved_at_unix_secs,
                original: file.original_path,
                original_stamp: file.original_stamp,
                original_changed,
                workspace: format::load(&file.document),
            }
        }
        Err(e) => Recovered {
            file: path.to_path_buf(),
            saved_at_unix_secs: 0,
            original: None,
            original_stamp: None,
            original_changed: false,
            workspace: Err(e),
        },
    }
}

/// Why autosave could not write.
#[derive(Debug, thiserror::Error)]
pub enum AutosaveError {
    /// The document could not be serialised.
    #[error(transparent)]
    Save(#[from] format::SaveError),
    /// The recovery file could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Writes unsaved work to a recovery file (through the safe writer). Used
/// by autosave and by the panic hook.
pub fn write_recovery(
    path: &Path,
    workspace: &Workspace,
    original: Option<&Path>,
    original_stamp: Option<FileStamp>,
) -> Result<(), AutosaveError> {
    let wrapper = RecoveryFile {
        chartroom_recovery: 1,
        saved_at_unix_secs: now_unix_secs(),
        original_path: original.map(Path::to_path_buf),
        original_stamp,
        document: format::save(workspace)?,
    };
    let text = serde_json::to_string(&wrapper)
        .map_err(|e| format::SaveError::Unreadable(e.to_string()))?;
    safe_write::write_private(path, text.as_bytes())?;
    Ok(())
}

impl Session {
    /// This session's recovery file.
    pub fn file(&self) -> PathBuf {
        self.store.dir.join(format!("{}.json", self.id))
    }

    /// Writes the unsaved work, with the file it belongs to and that file's
    /// stamp when the work was based on it.
    pub fn autosave(
        &self,
        workspace: &Workspace,
        original: Option<&Path>,
        original_stamp: Option<FileStamp>,
    ) -> Result<PathBuf, AutosaveError> {
        let path = self.file();
        write_recovery(&path, workspace, original, original_stamp)?;
        Ok(path)
    }

    /// Removes the recovery file (the work was saved or discarded).
    pub fn clear(&self) {
        let _ = std::fs::remove_file(self.file());
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A session that ends normally has nothing to recover: its work was
        // saved or deliberately discarded, and `clear` removed the file.
        // Only the lock file is left to tidy.
        if !self.file().exists() {
            let _ = std::fs::remove_file(self.store.dir.join(format!("{}.lock", self.id)));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_recovery_folder_is_the_override_or_the_platform_data_folder() {
        assert_eq!(
            super::RecoveryStore::dir_for(Some("/data/here".into())),
            Some(PathBuf::from("/data/here/recovery"))
        );
        let platform = super::RecoveryStore::dir_for(Some("".into())).expect("a home folder");
        assert_eq!(super::RecoveryStore::dir_for(None), Some(platform.clone()));
        if cfg!(target_os = "linux") {
            // $XDG_DATA_HOME/chartroom or ~/.local/share/chartroom, as before.
            assert!(platform.ends_with("chartroom/recovery"), "{platform:?}");
        }
    }

    use super::*;
    use crate::core::presets;

    #[test]
    fn a_live_session_is_not_offered_a_finished_one_is() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path());
        let ws = presets::workspace().unwrap();
        let session = store.begin_session().unwrap();
        session.autosave(&ws, None, None).unwrap();
        assert!(store.orphans().is_empty(), "the session is alive");
        drop(session); // as a crash would: the lock goes, the file stays
        let found = store.orphans();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].workspace.as_ref().unwrap(), &ws);
        store.discard(&found[0].file);
        assert!(store.orphans().is_empty());
    }

    #[test]
    fn a_changed_original_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let original = dir.path().join("board.json");
        std::fs::write(&original, "v1").unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let session = store.begin_session().unwrap();
        let ws = presets::workspace().unwrap();
        session
            .autosave(&ws, Some(&original), FileStamp::read(&original))
            .unwrap();
        drop(session);
        assert!(!store.orphans()[0].original_changed);
        std::fs::write(&original, "v2").unwrap();
        let found = store.orphans();
        assert!(found[0].original_changed);
        assert_eq!(found[0].original.as_deref(), Some(original.as_path()));
    }

    #[cfg(unix)]
    #[test]
    fn unsaved_work_is_private_and_stale_locks_go() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let session = store.begin_session().unwrap();
        let file = session
            .autosave(&presets::workspace().unwrap(), None, None)
            .unwrap();
        assert_eq!(mode(store.dir()), 0o700, "the folder");
        assert_eq!(mode(&file), 0o600, "the autosave");
        assert_eq!(mode(&file.with_extension("lock")), 0o600, "the lock");
        // A session that died with nothing to recover leaves only its lock.
        let stale = store.dir().join("session-1-1-0.lock");
        std::fs::write(&stale, "").unwrap();
        assert_eq!(store.orphans().len(), 0, "the live session is not offered");
        assert!(!stale.exists(), "the dead session's lock is removed");
        assert!(file.with_extension("lock").exists(), "a live lock stays");
    }

    #[test]
    fn a_cleared_session_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path());
        let session = store.begin_session().unwrap();
        session
            .autosave(&presets::workspace().unwrap(), None, None)
            .unwrap();
        session.clear();
        drop(session);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_corrupt_recovery_file_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("session-1-1.json"), "{oops").unwrap();
        let found = RecoveryStore::new(dir.path()).orphans();
        assert_eq!(found.len(), 1);
        let err = found[0].workspace.as_ref().unwrap_err().to_string();
        assert!(err.contains("not a recovery file"), "{err}");
    }

    #[test]
    fn stamps_tell_content_apart() {
        assert_eq!(FileStamp::of_bytes(b"abc"), FileStamp::of_bytes(b"abc"));
        assert_ne!(FileStamp::of_bytes(b"abc"), FileStamp::of_bytes(b"abd"));
    }
}
