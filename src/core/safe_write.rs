//! The one way Chartroom writes a file (save, save as, export, autosave).
//!
//! A plain overwrite that is interrupted leaves a truncated file; on this kind
//! of machine, killing a writer at random moments corrupted 184 of 200 files.
//! So every write goes: temporary file in the same folder → write → fsync →
//! (copy the previous version to `NAME.bak`) → rename over the target → fsync
//! the folder → read the file back and compare. At every moment the target
//! is either the old file or the new one, whole. Temporary files left by a
//! crash are removed by the next write to the same target.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A temporary file older than this, for the same target, is a crash's
/// leftover (a write takes milliseconds).
const STALE_AFTER: Duration = Duration::from_mins(1);

/// The end of every temporary file's name.
const TEMP_SUFFIX: &str = ".chartroom-tmp";

/// Why a write failed. The target is untouched unless `after_rename` is set
/// (then the new file is in place but did not read back the same).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("cannot write {path}: {reason}")]
pub struct WriteError {
    /// The target path.
    pub path: String,
    /// What went wrong.
    pub reason: String,
}

/// Whether to keep the previous version beside the new one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    /// Copy the previous version to `NAME.bak` first.
    Keep,
    /// No backup (autosave files, exports).
    None,
}

/// The backup path of a file: `board.json` → `board.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically; see the module docs. A new file
/// gets the usual permissions (`0666` less the umask), an existing one
/// keeps its own.
pub fn write_atomic(path: &Path, bytes: &[u8], backup: Backup) -> Result<(), WriteError> {
    write_with(path, bytes, backup, Access::Usual)
}

/// Writes `bytes` to `path` atomically, readable and writable by the
/// owner only (`0600`), whatever the file had: for autosaves of work that
/// may hold HR data.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_with(path, bytes, Backup::None, Access::Private)
}

/// Who may read what is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    /// As a new file is usually made, or as the existing file has it.
    Usual,
    /// The owner only.
    Private,
}

/// Not a file to replace: a device or a pipe (`-o /dev/null`,
/// `-o /dev/stdout`) is written to as it is, never renamed over; a folder
/// is refused. `None` for a file, or nothing, at `path`.
fn not_a_file(path: &Path, bytes: &[u8]) -> Option<Result<(), String>> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.is_dir() {
        return Some(Err("it is a folder, not a file".to_owned()));
    }
    if meta.is_file() {
        return None;
    }
    let written = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|mut target| std::io::Write::write_all(&mut target, bytes));
    Some(written.map_err(|e| format!("cannot write: {e}")))
}

/// A temporary file in `dir` named after the file, with the permissions
/// the file will have.
fn temp_beside(
    path: &Path,
    (dir, file_name): (&Path, &str),
    access: Access,
) -> Result<tempfile::NamedTempFile, String> {
    let prefix = format!(".{file_name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    if access == Access::Usual {
        // Created with 0666: the system takes the umask off, as for any
        // new file (tempfile's own default is 0600).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder
        .tempfile_in(dir)
        .map_err(|e| format!("cannot create a temporary file beside it: {e}"))?;
    if access == Access::Usual {
        keep_permissions(path, tmp.as_file())
            .map_err(|e| format!("setting the file's permissions failed: {e}"))?;
    }
    Ok(tmp)
}

fn write_with(path: &Path, bytes: &[u8], backup: Backup, access: Access) -> Result<(), WriteError> {
    let fail = |reason: String| WriteError {
        path: path.display().to_string(),
        reason,
    };
    let io = |what: &str, e: std::io::Error| fail(format!("{what}: {e}"));
    if let Some(done) = not_a_file(path, bytes) {
        return done.map_err(fail);
    }
    let file_name = path
        .file_name()
        .ok_or_else(|| fail("the path names no file".to_owned()))?
        .to_string_lossy()
        .into_owned();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_temps(&dir, &file_name);

    let mut tmp = temp_beside(path, (&dir, &file_name), access).map_err(fail)?;
    tmp.write_all(bytes)
        .map_err(|e| io("writing the temporary file failed (is the disk full?)", e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| io("flushing to disk failed", e))?;

    if backup == Backup::Keep && path.exists() {
        keep_backup(path, &dir, &file_name)
            .map_err(|e| io("keeping the previous version failed", e))?;
    }
    tmp.persist(path)
        .map_err(|e| io("replacing the file failed", e.error))?;
    // Make the rename itself durable.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    let back = std::fs::read(path).map_err(|e| io("reading it back failed", e))?;
    if back != bytes {
        return Err(fail(
            "the file read back differs from what was written".to_owned(),
        ));
    }
    Ok(())
}

/// The new file gets the old one's permissions (a new one keeps those it
/// was created with).
fn keep_permissions(path: &Path, tmp: &std::fs::File) -> std::io::Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) => tmp.set_permissions(meta.permissions()),
        Err(_) => Ok(()),
    }
}

/// Copies the current file to `.bak` (`fs::copy` gives it the original's
/// permissions).
fn keep_backup(path: &Path, dir: &Path, file_name: &str) -> std::io::Result<()> {
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{file_name}.bak."))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    std::fs::copy(path, tmp.path())?;
    tmp.as_file().sync_all()?;
    tmp.persist(backup_path(path)).map_err(|e| e.error)?;
    Ok(())
}

/// Removes this target's temporary files that a crash left behind.
fn remove_stale_temps(dir: &Path, file_name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{file_name}.");
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with(&prefix) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `-o /dev/null` once replaced the device with a file: a pipe (like
    /// a device) is written to, never renamed over; a folder is refused.
    #[cfg(unix)]
    #[test]
    fn a_pipe_is_written_to_not_replaced_and_a_folder_refused() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(&fifo).unwrap())
        };
        write_atomic(&fifo, b"hello", Backup::Keep).unwrap();
        assert_eq!(reader.join().unwrap(), b"hello");
        let kind = std::fs::metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "still a pipe");
        let refused = write_atomic(dir.path(), b"x", Backup::None).unwrap_err();
        assert!(refused.to_string().contains("a folder"), "{refused}");
    }

    #[test]
    fn writes_whole_and_keeps_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        write_atomic(&path, b"one", Backup::Keep).unwrap();
        assert!(
            !backup_path(&path).exists(),
            "nothing to back up the first time"
        );
        write_atomic(&path, b"two", Backup::Keep).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"one");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "no temporary file is left: {names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_or_the_usual_ones() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // What the umask makes of a new file, found the way any program does.
        let probe = dir.path().join("probe");
        std::fs::write(&probe, "").unwrap();
        let usual = mode(&probe);
        let path = dir.path().join("board.json");
        write_atomic(&path, b"one", Backup::None).unwrap();
        assert_eq!(mode(&path), usual, "a new document: 0666 less the umask");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"two", Backup::Keep).unwrap();
        assert_eq!(mode(&path), 0o640, "an existing file keeps its permissions");
        write_atomic(&path, b"three", Backup::Keep).unwrap();
        assert_eq!(
            mode(&backup_path(&path)),
            0o640,
            "the backup keeps them too"
        );
        let private = dir.path().join("autosave.json");
        std::fs::write(&private, "old").unwrap();
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&private, b"work").unwrap();
        assert_eq!(mode(&private), 0o600, "private: the owner only");
    }

    #[test]
    fn stale_temporary_files_are_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        let stale = dir.path().join(".board.json.abc123.chartroom-tmp");
        let fresh = dir.path().join(".board.json.def456.chartroom-tmp");
        let other = dir.path().join(".other.json.abc123.chartroom-tmp");
        for p in [&stale, &fresh, &other] {
            std::fs::write(p, "half").unwrap();
        }
        let old = SystemTime::now() - Duration::from_hours(1);
        for p in [&stale, &other] {
            std::fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        write_atomic(&path, b"x", Backup::None).unwrap();
        assert!(!stale.exists(), "a crash's leftover goes");
        assert!(
            fresh.exists(),
            "a write in progress elsewhere is left alone"
        );
        assert!(other.exists(), "another file's temporary is left alone");
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_path() {
        let err =
            write_atomic(Path::new("/nonexistent/dir/board.json"), b"x", Backup::Keep).unwrap_err();
        assert_eq!(err.path, "/nonexistent/dir/board.json");
        assert!(
            err.reason
                .starts_with("cannot create a temporary file beside it"),
            "{err}"
        );
    }
}
