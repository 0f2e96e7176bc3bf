//! Writes what the Debian package installs beside the binary, all made
//! from the source: the manual pages (from the clap definitions), the
//! shell completions, and the icon's PNGs (from `assets/icon`).
//!
//! `chartroom-package-files DIR` (scripts/package.sh runs it) fills DIR
//! with `man/`, `completions/` and `icons/hicolor/`. A binary of its own
//! so that the app's command line stays what the manual describes, and so
//! that packaging needs no other build than the app's.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chartroom::cli::manual;
use chartroom::core::icon;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: chartroom-package-files DIR");
        return ExitCode::from(2);
    };
    match write_all(&dir) {
        Ok(count) => {
            println!("{count} files written to {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "chartroom-package-files: cannot write to {}: {e}",
                dir.display()
            );
            ExitCode::FAILURE
        }
    }
}

fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)
}

fn write_all(dir: &Path) -> std::io::Result<usize> {
    let mut count = 0;
    for page in manual::pages() {
        write(&dir.join("man").join(&page.file_name), page.text.as_bytes())?;
        count += 1;
    }
    for shell in manual::SHELLS {
        let (name, script) = manual::completion(shell);
        write(
            &dir.join("completions").join(shell.to_string()).join(name),
            script.as_bytes(),
        )?;
        count += 1;
    }
    for size in icon::SIZES {
        let path = dir
            .join("icons/hicolor")
            .join(format!("{size}x{size}"))
            .join("apps/chartroom.png");
        write(&path, &icon::png(size))?;
        count += 1;
    }
    let scalable = dir.join("icons/hicolor/scalable/apps/chartroom.svg");
    write(&scalable, icon::SVG.as_bytes())?;
    Ok(count + 1)
}
