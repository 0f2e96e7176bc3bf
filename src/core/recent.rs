//! What the app remembers between runs, beside the recovery folder and
//! owner-only (the paths may say whose organisation it is): File > Open
//! Recent (the last ten files opened or saved, newest first) and where the
//! window was.

use std::path::{Path, PathBuf};

use super::safe_write;

/// How many files the list keeps.
pub const RECENT_MAX: usize = 10;

/// Chartroom's data folder: `$CHARTROOM_DATA_DIR`, else the platform's
/// (`~/.local/share/chartroom` on Linux).
pub fn data_dir() -> Option<PathBuf> {
    data_dir_for(std::env::var_os("CHARTROOM_DATA_DIR"))
}

/// [`data_dir`] with the value of `CHARTROOM_DATA_DIR` given.
pub(crate) fn data_dir_for(value: Option<std::ffi::OsString>) -> Option<PathBuf> {
    value
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "Chartroom").map(|d| d.data_dir().to_path_buf())
        })
}

/// Where and how big the window was when it was last closed.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WindowPlace {
    /// Left edge of the window, in points.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width of the window's inside.
    pub width: f32,
    /// Height of the window's inside.
    pub height: f32,
}

impl WindowPlace {
    /// Where it is kept by default: `window.json` in [`data_dir`].
    pub fn default_store() -> Option<PathBuf> {
        Some(data_dir()?.join("window.json"))
    }

    /// The place kept in `store`, if there is a sensible one (finite, at
    /// least 400 x 300, not absurdly far off).
    pub fn load(store: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(store).ok()?;
        let place: Self = serde_json::from_str(&text).ok()?;
        let all = [place.x, place.y, place.width, place.height];
        let sane = all.iter().all(|v| v.is_finite() && v.abs() < 100_000.0)
            && place.width >= 400.0
            && place.height >= 300.0;
        sane.then_some(place)
    }

    /// Keeps the place in `store` (failures are ignored: it is a nicety).
    pub fn save(self, store: &Path) {
        if let Ok(text) = serde_json::to_string(&self) {
            if let Some(dir) = store.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = safe_write::write_private(store, text.as_bytes());
        }
    }
}

/// The recent files and where the list is kept.
#[derive(Clone, Debug, Default)]
pub struct RecentFiles {
    store: Option<PathBuf>,
    files: Vec<PathBuf>,
}

impl RecentFiles {
    /// The list kept in `store`; a missing or unreadable list is empty.
    pub fn load(store: PathBuf) -> Self {
        let files = std::fs::read_to_string(&store)
            .ok()
            .and_then(|text| serde_json::from_str::<Vec<PathBuf>>(&text).ok())
            .unwrap_or_default()
            .into_iter()
            .take(RECENT_MAX)
            .collect();
        Self {
            store: Some(store),
            files,
        }
    }

    /// Where the list is kept by default: `recent.json` in [`data_dir`].
    pub fn default_store() -> Option<PathBuf> {
        Some(data_dir()?.join("recent.json"))
    }

    /// Where the list is kept, if anywhere.
    pub fn store(&self) -> Option<&Path> {
        self.store.as_deref()
    }

    /// The files, newest first.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Puts `path` first (once), keeps [`RECENT_MAX`], and writes the list.
    /// A list that cannot be written is kept in memory only.
    pub fn add(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.files.retain(|p| p != &path);
        self.files.insert(0, path);
        self.files.truncate(RECENT_MAX);
        if let Some(store) = &self.store
            && let Ok(text) = serde_json::to_string_pretty(&self.files)
        {
            if let Some(dir) = store.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = safe_write::write_private(store, text.as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_once_each_ten_at_most_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("data").join("recent.json");
        let mut recent = RecentFiles::load(store.clone());
        assert!(recent.files().is_empty());
        for i in 0..12 {
            let file = dir.path().join(format!("f{i}.json"));
            std::fs::write(&file, "").unwrap();
            recent.add(&file);
        }
        recent.add(&dir.path().join("f5.json"));
        let names: Vec<String> = RecentFiles::load(store)
            .files()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), RECENT_MAX);
        assert_eq!(names[0], "f5.json");
        assert_eq!(names[1], "f11.json");
        assert_eq!(names.iter().filter(|n| *n == "f5.json").count(), 1);
    }

    #[test]
    fn the_window_place_is_kept_and_a_silly_one_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("window.json");
        assert_eq!(WindowPlace::load(&store), None);
        let place = WindowPlace {
            x: 40.0,
            y: 30.0,
            width: 1280.0,
            height: 800.0,
        };
        place.save(&store);
        assert_eq!(WindowPlace::load(&store), Some(place));
        WindowPlace {
            width: 10.0,
            ..place
        }
        .save(&store);
        assert_eq!(WindowPlace::load(&store), None, "too small to be useful");
        std::fs::write(&store, "{oops").unwrap();
        assert_eq!(WindowPlace::load(&store), None);
    }
}
