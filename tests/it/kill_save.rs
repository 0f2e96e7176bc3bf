//! A writer killed at any moment never leaves a broken file: a child process
//! saves two versions in turn as fast as it can, and is killed (SIGKILL) at
//! staggered moments; every time, the file loads as one of the two.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chartroom::core::format;
use chartroom::core::model::LeaderId;
use chartroom::core::presets;
use chartroom::core::workspace::Workspace;

fn versions() -> (Workspace, Workspace) {
    let a = presets::workspace().unwrap();
    let mut b = a.clone();
    b.models[0]
        .chart
        .set_manager(&LeaderId::new("cto"), Some(&LeaderId::new("cio")))
        .unwrap();
    (a, b)
}

/// The child: saves A and B in turn until killed.
#[test]
fn child_saves_in_a_loop() {
    let Some(path) = std::env::var_os("CHARTROOM_KILL_CHILD_PATH") else {
        return; // Only meaningful as the child of the test below.
    };
    let (a, b) = versions();
    format::save_path(&a, path.as_ref()).unwrap();
    println!("ready");
    loop {
        format::save_path(&b, path.as_ref()).unwrap();
        format::save_path(&a, path.as_ref()).unwrap();
    }
}

#[test]
fn a_writer_killed_at_any_moment_leaves_a_whole_file() {
    const KILLS: u32 = 120;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.json");
    let (a, b) = versions();
    let started = Instant::now();
    let (mut saw_a, mut saw_b) = (0, 0);
    for i in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "kill_save::child_saves_in_a_loop",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("CHARTROOM_KILL_CHILD_PATH", &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        let stdout = child.stdout.take().unwrap();
        let mut reader = BufReader::new(stdout);
        while !line.contains("ready") {
            line.clear();
            assert!(
                reader.read_line(&mut line).unwrap() > 0,
                "the child started saving"
            );
        }
        // Staggered over 0-120 ms so kills land in every phase of a save,
        // and in later saves too on a slow disk where one save takes longer.
        std::thread::sleep(Duration::from_micros(u64::from(i * 997 % 120_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        let loaded = format::load_path(&path)
            .unwrap_or_else(|e| panic!("kill {i}: the file does not load: {e}"));
        if loaded == a {
            saw_a += 1;
        } else if loaded == b {
            saw_b += 1;
        } else {
            panic!("kill {i}: the file is neither version");
        }
        assert!(
            started.elapsed() < Duration::from_mins(5),
            "bounded in time"
        );
    }
    eprintln!("{KILLS} kills: {saw_a} left version A, {saw_b} version B, none broken");
    assert_eq!(saw_a + saw_b, KILLS);
    assert!(saw_a > 0 && saw_b > 0, "kills landed at different moments");
}
