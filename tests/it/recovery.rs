//! Never lose work: autosave and the restore offer after a crash, a file
//! changed behind the app's back, and the panic hook. Driven through the
//! real app with `egui_kittest`.

use std::process::Command;

use crate::common::{centre_of, drag, harness, manager_of, preset_app};
use chartroom::app::ChartroomApp;
use chartroom::core::recovery::RecoveryStore;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Steps the app past the autosave delay (the harness steps 1/4 s a frame).
fn wait_for_autosave(h: &mut Harness<'_, ChartroomApp>) {
    h.run_steps(8);
}

fn recovery_files(store: &RecoveryStore) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(store.dir())
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| {
                    std::path::Path::new(n)
                        .extension()
                        .is_some_and(|e| e == "json")
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn an_edit_survives_a_crash_and_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(dir.path().join("recovery"));
    let (app, _) = preset_app();
    let mut h = harness(app.with_recovery(store.clone()));
    let (from, to) = (centre_of(&h, "CTO"), centre_of(&h, "CIO"));
    drag(&mut h, from, to);
    assert!(recovery_files(&store).is_empty(), "not before the delay");
    wait_for_autosave(&mut h);
    assert_eq!(
        recovery_files(&store).len(),
        1,
        "written about a second after the edit"
    );
    // A crash: the app goes without saving or cleaning up.
    drop(h);

    let (app, _) = preset_app();
    let mut h = harness(app.with_recovery(store.clone()));
    h.get_by_label("Restore unsaved work?");
    assert_eq!(
        manager_of(&h, "cto").as_deref(),
        Some("ceo"),
        "not restored unasked"
    );
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(
        manager_of(&h, "cto").as_deref(),
        Some("cio"),
        "the edit is back"
    );
    assert!(
        h.state().editor().is_dirty(),
        "restored work is unsaved work"
    );
    assert_eq!(
        recovery_files(&store).len(),
        1,
        "now held by the new session only"
    );
}

#[test]
fn saved_or_discarded_work_leaves_nothing_to_recover() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(dir.path().join("recovery"));
    let (app, answers) = preset_app();
    let mut h = harness(app.with_recovery(store.clone()));
    let (from, to) = (centre_of(&h, "CTO"), centre_of(&h, "CIO"));
    drag(&mut h, from, to);
    wait_for_autosave(&mut h);
    assert_eq!(recovery_files(&store).len(), 1);
    *answers.save.borrow_mut() = Some(dir.path().join("board.json"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        recovery_files(&store).is_empty(),
        "saved: nothing to recover"
    );
    drop(h);
    let (app, _) = preset_app();
    let app = app.with_recovery(store);
    assert_eq!(app.recovery_offers(), 0);
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.json");
    std::fs::write(&path, chartroom::core::presets::PRESETS[0].json).unwrap();
    let (app, answers) = preset_app();
    let mut h = harness(app);
    *answers.open.borrow_mut() = Some(path.clone());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    let (from, to) = (centre_of(&h, "CTO"), centre_of(&h, "CIO"));
    drag(&mut h, from, to);
    // Someone else edits the file.
    let theirs = chartroom::core::presets::PRESETS[7]
        .json
        .replace("peers", "x");
    let theirs = theirs.replace("elevator-doors", "theirs");
    std::fs::write(&path, &theirs).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("The file changed on disk");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "cancel keeps their file"
    );
    assert!(h.state().editor().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Overwrite").click();
    h.run();
    let saved = chartroom::core::format::load_path(&path).unwrap();
    assert_eq!(
        &saved,
        h.state().editor().workspace(),
        "overwritten with ours"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("board.json.bak")).unwrap(),
        theirs,
        "their version is kept as the backup"
    );
}

/// Runs in a child process (see the test below): edits, then panics.
#[test]
fn child_edits_then_panics() {
    let Some(dir) = std::env::var_os("CHARTROOM_PANIC_CHILD_DIR") else {
        return; // Only meaningful as the child of the test below.
    };
    let (app, _) = preset_app();
    let mut app = app.with_recovery(RecoveryStore::new(dir));
    chartroom::app::install_panic_hook(app.crash_copy());
    let mut h = harness(app);
    let (from, to) = (centre_of(&h, "CTO"), centre_of(&h, "CIO"));
    drag(&mut h, from, to);
    h.run_steps(1); // less than the autosave delay: only the panic hook can save it
    panic!("a bug in Chartroom");
}

#[test]
fn a_panic_writes_the_unsaved_work_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "recovery::child_edits_then_panics",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("CHARTROOM_PANIC_CHILD_DIR", dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the child panicked");
    assert!(
        stderr.contains("Chartroom stopped unexpectedly. Your unsaved work is in"),
        "{stderr}"
    );
    let store = RecoveryStore::new(dir.path());
    let offers = store.orphans();
    assert_eq!(offers.len(), 1, "{stderr}");
    let ws = offers[0].workspace.as_ref().unwrap();
    let cto = chartroom::core::model::LeaderId::new("cto");
    assert_eq!(
        ws.models[0]
            .chart
            .manager_of(&cto)
            .map(chartroom::core::model::LeaderId::as_str),
        Some("cio")
    );
}

/// Runs in a child process (see the test below): edits, waits until the
/// edit is autosaved, says so, then keeps running until it is killed.
#[test]
fn child_edits_and_runs_until_killed() {
    let Some(dir) = std::env::var_os("CHARTROOM_KILL_APP_DIR") else {
        return; // Only meaningful as the child of the test below.
    };
    let (app, _) = preset_app();
    let mut h = harness(app.with_recovery(RecoveryStore::new(dir)));
    let (from, to) = (centre_of(&h, "CTO"), centre_of(&h, "CIO"));
    drag(&mut h, from, to);
    wait_for_autosave(&mut h);
    println!("ready");
    loop {
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Starts the app in a child process, waits for its autosave, and kills it
/// with SIGKILL: no destructor, no panic hook, no clean-up of any kind.
fn run_and_kill(dir: &std::path::Path) {
    use std::io::{BufRead, BufReader};
    use std::os::unix::process::ExitStatusExt;
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "recovery::child_edits_and_runs_until_killed",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("CHARTROOM_KILL_APP_DIR", dir)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        // libtest writes the test's name first, on the same line.
        .any(|line| line.trim_end().ends_with("ready"));
    assert!(ready, "the child app edited and autosaved");
    child.kill().unwrap(); // SIGKILL on Unix
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(9), "killed, not ended");
}

/// A new app on the recovery folder of a killed one.
fn next_app(dir: &std::path::Path) -> Harness<'static, ChartroomApp> {
    let (app, _) = preset_app();
    harness(app.with_recovery(RecoveryStore::new(dir)))
}

#[test]
fn an_app_killed_after_an_edit_offers_it_back_later_restore_or_discard() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first");
    run_and_kill(&first);

    // Decide later: nothing changes now, and the next start asks again.
    let mut h = next_app(&first);
    h.get_by_label("Restore unsaved work?");
    h.get_by_label("Decide later").click();
    h.run();
    assert!(h.query_by_label("Restore unsaved work?").is_none());
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("ceo"));
    assert_eq!(recovery_files(&RecoveryStore::new(&first)).len(), 1);
    drop(h);

    // Restore: the edit made before the kill is back, as unsaved work.
    let mut h = next_app(&first);
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("cio"));
    assert!(h.state().editor().is_dirty());
    drop(h);

    // Discard, after another kill: the work is gone and never asked again.
    let second = dir.path().join("second");
    run_and_kill(&second);
    let mut h = next_app(&second);
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.query_by_label("Restore unsaved work?").is_none());
    assert_eq!(manager_of(&h, "cto").as_deref(), Some("ceo"));
    assert!(recovery_files(&RecoveryStore::new(&second)).is_empty());
    drop(h);
    let h = next_app(&second);
    assert!(h.query_by_label("Restore unsaved work?").is_none());
}
