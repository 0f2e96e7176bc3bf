//! Stamps the build with the commit it was made from, for
//! `chartroom --version`: `git rev-parse` when the source is a git
//! checkout, "unknown commit" otherwise (a source archive).

use std::path::Path;
use std::process::Command;

fn main() {
    let commit = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown commit".to_owned());
    println!("cargo:rustc-env=CHARTROOM_COMMIT={commit}");
    // Again when HEAD moves: to another branch, or a new commit on it.
    let git = Path::new(".git");
    let head = git.join("HEAD");
    if head.is_file() {
        println!("cargo:rerun-if-changed={}", head.display());
        if let Ok(text) = std::fs::read_to_string(&head)
            && let Some(branch) = text.trim().strip_prefix("ref: ")
        {
            let reference = git.join(branch);
            if reference.is_file() {
                println!("cargo:rerun-if-changed={}", reference.display());
            }
        }
        let packed = git.join("packed-refs");
        if packed.is_file() {
            println!("cargo:rerun-if-changed={}", packed.display());
        }
    } else {
        println!("cargo:rerun-if-changed=build.rs");
    }
}
