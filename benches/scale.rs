//! Chartroom at the scale of real organisations: `cargo bench --bench scale`.
//!
//! Generates orgs of 1,000, 10,000 and 100,000 people (and 1,000,000 for the
//! layout alone) with `orgs.rs` (deterministic, seed 42; the shapes of the
//! team's shared `gen_org.py`), then measures in one run, on this machine:
//!
//! * the layout against the `tidy-tree` crate on the same tree (in-process)
//!   and against the O(n) floor (two linear passes);
//! * `chartroom check` of the file (parse, validate, findings, report);
//! * opening the file to its first frame (load, app, one frame);
//! * the CPU cost of one frame of the real app, headless (egui run over the
//!   app, then tessellate), in the opening view, zoomed to fit with
//!   everything expanded, and at 100% zoom;
//! * the memory a 100,000-leader workspace takes (resident set growth);
//! * importing the org's CSV as an HR export (rows shuffled, so managers
//!   come after their reports), against reading the same CSV alone (the
//!   floor) and loading the same org as a Chartroom file.
//!
//! `CHARTROOM_BENCH_ONLY=present` times presenting instead: the org and a
//! copy of it (one leader moved) as a storyboard of one scene each and a
//! comparison scene; the first frame of presenting (what the scenes derive
//! is worked out then), then frames of the room's view on each scene, of
//! the presenter's view (P) and of both views at once (W).
//!
//! `CHARTROOM_BENCH_ONLY=compare` times the Compare tab on the same two
//! models: opening it, the slowest frame until the comparison (worked out
//! aside past 10,000 leaders) is shown, and when.
//!
//! Prints a table; ratios are what to compare between runs (the machines
//! are shared and noisy). `CHARTROOM_BENCH_SIZES=1000,10000` picks sizes.

use std::fmt::Write;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

mod orgs;
use std::time::Instant;

use chartroom::app::{ChartroomApp, FileDialogs};
use chartroom::cli;
use chartroom::core::layout::{self, LayoutRequest, NodeSpec};
use chartroom::core::model::LeaderId;
use chartroom::core::theme::ThemeName;
use chartroom::core::workspace::{DocumentEdit, Edit, ModelId, Scene, Workspace};
use chartroom::core::{format, import};
use egui::{Event, Key, Modifiers, RawInput, Rect, pos2, vec2};

/// The window the frames are measured in.
const WINDOW: (f32, f32) = (1600.0, 1000.0);

struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        None
    }
    fn pick_save(&mut self, _: &str) -> Option<PathBuf> {
        None
    }
    fn pick_export(&mut self, _: &str) -> Option<PathBuf> {
        None
    }
    fn pick_import(&mut self) -> Option<PathBuf> {
        None
    }
}

/// The org of `n` people as CSV and as a Chartroom file, made once
/// (`orgs.rs`, seed 42).
fn org(n: usize) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join("chartroom-bench");
    std::fs::create_dir_all(&dir).expect("temp folder");
    let csv = dir.join(format!("org_{n}.csv"));
    let json = dir.join(format!("org_{n}.json"));
    if !csv.exists() || (!json.exists() && n <= 100_000) {
        let people = orgs::people(n, 42);
        std::fs::write(&csv, orgs::csv(&people, false)).expect("writes the CSV");
        if n <= 100_000 {
            std::fs::write(&json, orgs::chartroom_json(&people)).expect("writes the file");
        }
    }
    (csv, json)
}

/// Rows of the CSV: (parent index, width, height), in pre-order.
fn rows(csv: &Path) -> Vec<(Option<usize>, f32, f32)> {
    let text = std::fs::read_to_string(csv).expect("csv");
    text.lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            let parent = f[3].parse::<usize>().ok().map(|p| p - 1);
            (parent, f[4].parse().unwrap(), f[5].parse().unwrap())
        })
        .collect()
}

/// The org of `n` people as CSV with its rows shuffled (same people).
fn shuffled_org(n: usize) -> PathBuf {
    let path = std::env::temp_dir()
        .join("chartroom-bench")
        .join(format!("org_{n}_shuffled.csv"));
    if !path.exists() {
        let people = orgs::people(n, 42);
        std::fs::write(&path, orgs::csv(&people, true)).expect("writes the CSV");
    }
    path
}

/// Import of the shuffled CSV, end to end (read, detect, build), the read
/// alone, and the load of the same org as a Chartroom file; median ms.
fn bench_import(n: usize, json: &Path) -> (f64, f64, f64, String) {
    let csv = shuffled_org(n);
    let mut summary = String::new();
    let full = time_ms(3, || {
        let table = import::read_path(&csv, None).expect("readable");
        let choices = import::Choices::from_args(&table, &[]).expect("columns");
        let imported = choices.import(&table).expect("importable");
        summary = imported.summary();
        black_box(imported);
    });
    let read = time_ms(3, || {
        black_box(import::read_path(&csv, None).expect("readable"));
    });
    let load = time_ms(3, || {
        black_box(format::load_path(json).expect("loads"));
    });
    (full, read, load, summary)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time_ms(reps: usize, mut f: impl FnMut()) -> f64 {
    median(
        (0..reps)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    )
}

/// Overlapping neighbours within a row, and the chart's width.
fn overlaps_and_width(l: &layout::Layout) -> (usize, f32) {
    let mut by_row: std::collections::BTreeMap<i64, Vec<Rect>> = std::collections::BTreeMap::new();
    for r in &l.rects {
        by_row.entry((r.min.y * 4.0) as i64).or_default().push(*r);
    }
    let mut overlaps = 0;
    for row in by_row.values_mut() {
        row.sort_by(|a, b| a.min.x.total_cmp(&b.min.x));
        overlaps += row
            .windows(2)
            .filter(|w| w[0].max.x > w[1].min.x + 1e-3)
            .count();
    }
    (overlaps, l.bounds.width())
}

struct LayoutFigures {
    ours: f64,
    tidy: f64,
    floor: f64,
    overlaps: usize,
    width: f32,
}

fn bench_layout(csv: &Path) -> LayoutFigures {
    let rows = rows(csv);
    let n = rows.len();
    let reps = if n >= 500_000 {
        5
    } else if n >= 50_000 {
        11
    } else {
        31
    };
    let request = LayoutRequest {
        nodes: rows
            .iter()
            .enumerate()
            .map(|(i, (parent, w, h))| NodeSpec {
                id: LeaderId::new(i.to_string()),
                size: vec2(*w, *h),
                parent: *parent,
                pinned: None,
                assistant: false,
            })
            .collect(),
        lines: Vec::new(),
        arrangement: chartroom::core::model::Arrangement::Wide,
    };
    let ours = time_ms(reps, || {
        black_box(layout::layout(black_box(&request)));
    });
    let (overlaps, width) = overlaps_and_width(&layout::layout(&request));

    let ids: Vec<usize> = (0..n).collect();
    let ws: Vec<f64> = rows.iter().map(|r| f64::from(r.1)).collect();
    let hs: Vec<f64> = rows.iter().map(|r| f64::from(r.2)).collect();
    let ps: Vec<usize> = rows
        .iter()
        .map(|r| r.0.unwrap_or(tidy_tree::NULL_ID))
        .collect();
    let mut tree = tidy_tree::TidyTree::with_tidy_layout(layout::ROW_GAP, layout::SIBLING_GAP);
    tree.data(&ids, &ws, &hs, &ps);
    let tidy = time_ms(reps, || tree.layout());

    // The floor: two linear passes over the same rows (depths; x per row).
    let floor = time_ms(reps, || {
        let mut depth = vec![0u32; n];
        for (i, r) in rows.iter().enumerate() {
            if let Some(p) = r.0 {
                depth[i] = depth[p] + 1;
            }
        }
        let mut x = [0.0f32; 16];
        let mut out = vec![0.0f32; n];
        for (i, r) in rows.iter().enumerate() {
            let d = (depth[i] as usize).min(15);
            out[i] = x[d];
            x[d] += r.1;
        }
        black_box(out);
    });
    LayoutFigures {
        ours,
        tidy,
        floor,
        overlaps,
        width,
    }
}

fn check_ms(json: &Path) -> f64 {
    let command = cli::Command::Check {
        input: json.display().to_string(),
        json: false,
    };
    time_ms(3, || {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        black_box(cli::run(&command, &mut out, &mut err));
    })
}

/// A headless frame driver over the real app.
struct Frames {
    ctx: egui::Context,
    app: ChartroomApp,
    time: f64,
    flip: bool,
}

impl Frames {
    fn new(app: ChartroomApp) -> Self {
        Self {
            ctx: egui::Context::default(),
            app,
            time: 0.0,
            flip: false,
        }
    }

    fn input(&mut self, events: Vec<Event>) -> RawInput {
        self.time += 1.0 / 60.0;
        self.flip = !self.flip;
        let x = if self.flip { 800.0 } else { 801.0 };
        let mut all = vec![Event::PointerMoved(pos2(x, 500.0))];
        all.extend(events);
        RawInput {
            screen_rect: Some(Rect::from_min_size(
                pos2(0.0, 0.0),
                vec2(WINDOW.0, WINDOW.1),
            )),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            events: all,
            focused: true,
            ..Default::default()
        }
    }

    /// One frame: the app's UI, then tessellation. Returns milliseconds.
    fn frame(&mut self, events: Vec<Event>) -> f64 {
        let input = self.input(events);
        let t = Instant::now();
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.ui(ui));
        // No GPU here: the texture changes have nowhere to go.
        output.textures_delta.clear();
        let meshes = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        black_box(meshes);
        t.elapsed().as_secs_f64() * 1e3
    }

    fn median_frame(&mut self, reps: usize) -> f64 {
        median((0..reps).map(|_| self.frame(Vec::new())).collect())
    }
}

fn key(key: Key, modifiers: Modifiers) -> Vec<Event> {
    [true, false]
        .into_iter()
        .map(|pressed| Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers,
        })
        .collect()
}

struct AppFigures {
    load_ms: f64,
    svg_ms: f64,
    expanded_cards: usize,
    open_ms: f64,
    opening: f64,
    fitted: f64,
    actual: f64,
}

/// Opens the file in the app and draws its first frame: milliseconds, and
/// the app to go on with.
fn open(json: &Path) -> (f64, Frames) {
    let t = Instant::now();
    let workspace = format::load_path(json).expect("the generated file loads");
    let app = ChartroomApp::new(workspace, Some(json.to_path_buf()), Box::new(NoDialogs));
    let mut frames = Frames::new(app);
    frames.frame(Vec::new());
    (t.elapsed().as_secs_f64() * 1e3, frames)
}

fn bench_app(json: &Path) -> AppFigures {
    let load_ms = time_ms(3, || {
        black_box(format::load_path(json).expect("loads"));
    });
    let whole = format::load_path(json).expect("loads");
    let svg_ms = time_ms(3, || {
        black_box(chartroom::core::export::svg(
            &whole.models[0],
            &ThemeName::Light.palette(),
        ));
    });
    drop(whole);
    let (open_ms, mut frames) = open(json);
    // Let panels settle, then measure.
    for _ in 0..3 {
        frames.frame(Vec::new());
    }
    let reps = 9;
    let opening = frames.median_frame(reps);
    // Everything expanded, then zoomed to fit.
    frames.frame(key(Key::E, Modifiers::COMMAND | Modifiers::SHIFT));
    frames.frame(key(Key::F, Modifiers::NONE));
    for _ in 0..3 {
        frames.frame(Vec::new());
    }
    let fitted = frames.median_frame(reps);
    let expanded_cards = frames
        .app
        .current_facts()
        .map_or(0, |f| f.layout.rects.len());
    frames.frame(key(Key::Num0, Modifiers::COMMAND));
    let actual = frames.median_frame(reps);
    AppFigures {
        load_ms,
        svg_ms,
        expanded_cards,
        open_ms,
        opening,
        fitted,
        actual,
    }
}

/// The org, a copy with its last leader moved under the top, and a
/// storyboard: the org, the copy, the org compared with the copy.
fn presentation_workspace(json: &Path) -> Workspace {
    let mut workspace = format::load_path(json).expect("loads");
    let mut copy = workspace.models[0].clone();
    copy.id = ModelId::new("copy");
    copy.title = "Copy: one leader moved".into();
    let (last, top) = {
        let (leaders, _) = copy.chart.tree();
        (leaders[leaders.len() - 1].id.clone(), leaders[0].id.clone())
    };
    let _ = copy.chart.set_manager(&last, Some(&top));
    let org = workspace.models[0].id.clone();
    workspace.models.push(copy);
    workspace.storyboard = vec![
        Scene::of_model(org.clone()),
        Scene::of_model(ModelId::new("copy")),
        Scene::comparing(org, ModelId::new("copy")),
    ];
    workspace
}

/// The app on [`presentation_workspace`], its panels settled.
fn presentation_app(json: &Path) -> Frames {
    let app = ChartroomApp::new(presentation_workspace(json), None, Box::new(NoDialogs));
    let mut frames = Frames::new(app);
    for _ in 0..3 {
        frames.frame(Vec::new());
    }
    frames
}

/// Draws frames while `waiting` (work done on a worker thread); returns
/// the slowest of them, in milliseconds.
fn frames_while(frames: &mut Frames, waiting: impl Fn(&ChartroomApp) -> bool) -> f64 {
    let mut slowest: f64 = 0.0;
    while waiting(&frames.app) {
        slowest = slowest.max(frames.frame(Vec::new()));
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    slowest
}

/// Presenting: the first frame; the median frame on a model; on the
/// comparison scene, how long until its comparison (worked out aside) is
/// shown and the slowest frame meanwhile; the median frame of the
/// comparison, of the presenter's view and of both windows (milliseconds).
fn bench_present(json: &Path) -> [f64; 7] {
    let mut frames = presentation_app(json);
    let entered = Instant::now();
    let first = frames.frame(key(Key::F5, Modifiers::NONE));
    assert!(frames.app.presentation().is_some(), "F5 presents");
    let settled = |frames: &mut Frames| {
        // The camera glides for about half a second.
        for _ in 0..40 {
            frames.frame(Vec::new());
        }
        frames.median_frame(9)
    };
    let one = settled(&mut frames);
    frames.frame(key(Key::ArrowRight, Modifiers::NONE));
    settled(&mut frames);
    let entering = frames.frame(key(Key::ArrowRight, Modifiers::NONE));
    assert_eq!(frames.app.presentation().map(|p| p.scene), Some(2));
    let slowest = entering.max(frames_while(&mut frames, |app| {
        app.presentation()
            .is_some_and(|p| p.comparisons_pending() > 0)
    }));
    let ready = entered.elapsed().as_secs_f64() * 1e3;
    let comparing = settled(&mut frames);
    frames.frame(key(Key::Home, Modifiers::NONE));
    frames.frame(key(Key::P, Modifiers::NONE));
    assert!(frames.app.presentation().is_some_and(|p| p.presenter_here));
    let presenter = settled(&mut frames);
    frames.frame(key(Key::W, Modifiers::NONE));
    assert!(
        frames
            .app
            .presentation()
            .is_some_and(|p| p.presenter_window)
    );
    let both = settled(&mut frames);
    [first, one, ready, slowest, comparing, presenter, both]
}

/// The Compare tab on the org and its copy: the frame that opens it, the
/// slowest frame until the comparison is shown, when it is shown, and a
/// frame of the comparison (milliseconds).
fn bench_compare(json: &Path) -> [f64; 4] {
    let mut frames = presentation_app(json);
    let entered = Instant::now();
    frames.app.set_view(chartroom::app::ViewMode::Compare);
    let first = frames.frame(Vec::new());
    let slowest = frames_while(&mut frames, ChartroomApp::comparison_pending);
    let ready = entered.elapsed().as_secs_f64() * 1e3;
    for _ in 0..5 {
        frames.frame(Vec::new());
    }
    [first, slowest, ready, frames.median_frame(9)]
}

/// The diff of the org with its copy one leader moved, and the impact of
/// the same pair (levels, spans, technology leaders' teams): median ms.
fn bench_impact(json: &Path) -> (f64, f64) {
    let workspace = format::load_path(json).expect("loads");
    let a = &workspace.models[0];
    let mut b = a.clone();
    let ids: Vec<_> = b.chart.leaders().map(|l| l.id.clone()).collect();
    // The last leader moves under the second: a real, small change.
    let _ = b.chart.set_manager(&ids[ids.len() - 1], Some(&ids[1]));
    let diff = time_ms(3, || {
        black_box(chartroom::core::diff::diff(a, &b));
    });
    let impact = time_ms(3, || {
        black_box(chartroom::core::impact::impact(a, &b));
    });
    (diff, impact)
}

/// Software company tried on the org: the CEO plays the CEO, two of their
/// reports the CTO and the CIO (whose whole organisations move with them),
/// the CISO to be hired. Median ms of applying it, of its impact, and, as
/// the peer, of loading the same org from its file; and of the table of
/// the org beside four such scenarios (Scenario > Compare scenarios).
fn bench_scenario(json: &Path) -> (f64, f64, f64, f64) {
    use chartroom::core::model::LeaderId;
    use chartroom::core::scenario::{self, Cast, Casting};
    let workspace = format::load_path(json).expect("loads");
    let org = &workspace.models[0];
    let target = chartroom::core::presets::model("software-company").expect("preset");
    let root = org.chart.roots()[0].clone();
    let reports: Vec<LeaderId> = org.chart.reports_of(&root).into_iter().cloned().collect();
    let mut casting = Casting::default();
    casting
        .cast
        .insert(LeaderId::new("ceo"), Cast::Person(root));
    casting
        .cast
        .insert(LeaderId::new("cto"), Cast::Person(reports[0].clone()));
    casting
        .cast
        .insert(LeaderId::new("cio"), Cast::Person(reports[1].clone()));
    casting.cast.insert(LeaderId::new("ciso"), Cast::Hire);
    let id = chartroom::core::workspace::ModelId::new("s");
    let mut made = None;
    let apply = time_ms(3, || {
        made = Some(scenario::apply(org, &target, &casting, id.clone()).expect("applies"));
    });
    let made = made.expect("made").model;
    let impact = time_ms(3, || {
        black_box(chartroom::core::impact::impact(org, &made));
    });
    let table = time_ms(3, || {
        black_box(chartroom::core::impact::scenario_table(org, &[&made; 4]));
    });
    let load = time_ms(3, || {
        black_box(format::load_path(json).expect("loads"));
    });
    (apply, impact, load, table)
}

/// `CHARTROOM_BENCH_ONLY=scenario`: applying a scenario and its impact.
fn scenario_table() {
    println!(
        "| N | apply a scenario | its impact | load the org (peer) | apply / load | table of 4 scenarios |"
    );
    println!("|---|---|---|---|---|---|");
    for n in sizes().into_iter().filter(|&n| n <= 100_000) {
        let (_, json) = org(n);
        let (apply, impact, load, table) = bench_scenario(&json);
        println!(
            "| {n} | {apply:.0} ms | {impact:.0} ms | {load:.0} ms | {:.2} | {table:.0} ms |",
            apply / load
        );
    }
}

/// `CHARTROOM_BENCH_ONLY=compare`: the Compare tab's figures per size.
fn compare_table() {
    println!(
        "| N | frame opening Compare | slowest frame until shown | shown after | frame: comparison | diff alone | impact alone | impact / diff |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for n in sizes().into_iter().filter(|&n| n <= 100_000) {
        let (_, json) = org(n);
        let [a, b, c, d] = bench_compare(&json).map(|ms| format!("{ms:.1}"));
        let (diff, impact) = bench_impact(&json);
        println!(
            "| {n} | {a} | {b} | {c} | {d} | {diff:.0} | {impact:.0} | {:.2} |",
            impact / diff
        );
    }
}

/// `CHARTROOM_BENCH_ONLY=present`: the presenting figures per size.
fn present_table() {
    println!(
        "| N | first frame presenting | frame: a model | comparison shown after (from F5) | slowest frame until then | frame: comparison | frame: presenter view | frame: room + presenter window |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for n in sizes().into_iter().filter(|&n| n <= 100_000) {
        let (_, json) = org(n);
        let figures: Vec<String> = bench_present(&json)
            .iter()
            .map(|ms| format!("{ms:.1}"))
            .collect();
        println!("| {n} | {} |", figures.join(" | "));
    }
}

fn typing_table() {
    println!("\n| N | frame while typing a caption (median) | slowest | facts worked out again |");
    println!("|---|---|---|---|");
    for n in sizes().into_iter().filter(|&n| n <= 100_000) {
        let (_, json) = org(n);
        let (median, slowest, made) = bench_typing(&json);
        println!("| {n} | {median:.1} | {slowest:.1} | {made} |");
    }
}

/// Peak resident memory of this process, in MB (`VmHWM`).
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1e3)
}

/// In a child process of its own: loads the file, opens the app, draws a
/// frame, expands everything and draws it fitted; prints the peak memory.
fn memory_child(json: &Path) {
    let workspace = format::load_path(json).expect("loads");
    let app = ChartroomApp::new(workspace, None, Box::new(NoDialogs));
    let mut frames = Frames::new(app);
    frames.frame(Vec::new());
    frames.frame(key(Key::E, Modifiers::COMMAND | Modifiers::SHIFT));
    frames.frame(key(Key::F, Modifiers::NONE));
    frames.frame(Vec::new());
    println!("PEAK_MB {:.0}", peak_mb());
    // Fifty edits, each kept for undo: renames, moves by hand and changes
    // of manager, a frame drawn after each.
    let ids: Vec<LeaderId> = {
        let chart = &frames.app.current_model().expect("a model").chart;
        chart
            .leaders()
            .skip(1)
            .take(50)
            .map(|l| l.id.clone())
            .collect()
    };
    for (i, id) in ids.iter().enumerate() {
        let chart = &frames.app.current_model().expect("a model").chart;
        let edit = match i % 3 {
            0 => {
                let mut leader = chart.leader(id).expect("there").clone();
                leader.name = format!("Renamed {i}");
                Edit::UpdateLeader(leader)
            }
            1 => Edit::MoveCard {
                id: id.clone(),
                to: Some(pos2(i as f32 * 10.0, -500.0)),
            },
            _ => Edit::SetManager {
                report: id.clone(),
                manager: chart.leaders().next().map(|l| l.id.clone()),
            },
        };
        frames.app.apply(edit);
        frames.frame(Vec::new());
    }
    println!("PEAK50_MB {:.0}", peak_mb());
}

/// The whole process's peak memory with a workspace open and expanded,
/// then after fifty edits (each kept for undo), in MB.
fn memory_mb(json: &Path) -> (f64, f64) {
    let out = Command::new(std::env::current_exe().expect("this benchmark"))
        .arg("--memory")
        .arg(json)
        .output()
        .expect("the benchmark runs itself");
    let text = String::from_utf8_lossy(&out.stdout);
    let figure = |prefix: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(f64::NAN)
    };
    (figure("PEAK_MB "), figure("PEAK50_MB "))
}

/// Typing a storyboard caption in a big model: each keystroke is an edit
/// of the document (never of the chart), so the chart's facts are not
/// worked out again. Returns the median and slowest frame of 20
/// keystrokes (the edit and the frame), and how many times the shown
/// model's facts were made while typing.
fn bench_typing(json: &Path) -> (f64, f64, u64) {
    let mut workspace = format::load_path(json).expect("loads");
    let model = workspace.models[0].id.clone();
    let mut scene = Scene::of_model(model);
    scene.highlight = Some("security".into());
    workspace.storyboard = vec![scene];
    let app = ChartroomApp::new(workspace, None, Box::new(NoDialogs));
    let mut frames = Frames::new(app);
    for _ in 0..3 {
        frames.frame(Vec::new());
    }
    let made = frames.app.facts_made();
    let mut caption = String::new();
    let mut times = Vec::new();
    for c in "Who owns security now".chars().take(20) {
        caption.push(c);
        let t = Instant::now();
        frames.app.apply_document(DocumentEdit::SceneWords {
            index: 0,
            caption: caption.clone(),
            notes: String::new(),
        });
        let edit_ms = t.elapsed().as_secs_f64() * 1e3;
        times.push(edit_ms + frames.frame(Vec::new()));
    }
    let slowest = times.iter().copied().fold(0.0, f64::max);
    (median(times), slowest, frames.app.facts_made() - made)
}

/// The mapping step on an HR export of `n` shuffled rows: how long the
/// window waits to open it (read, columns recognised, the worker started),
/// the slowest frame while the worker imports, how long until the result
/// is in, and the peer: the same import done in the frame, as before.
fn bench_mapping(n: usize) -> [f64; 4] {
    let csv = shuffled_org(n);
    let mut app = ChartroomApp::with_presets(Box::new(NoDialogs));
    let t = Instant::now();
    app.import_people(Some(csv.clone()));
    let open_ms = t.elapsed().as_secs_f64() * 1e3;
    let mut frames = Frames::new(app);
    let mut slowest: f64 = 0.0;
    while frames
        .app
        .import_step()
        .is_some_and(chartroom::ui::import::ImportStep::is_working)
    {
        slowest = slowest.max(frames.frame(Vec::new()));
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let ready_ms = t.elapsed().as_secs_f64() * 1e3;
    let table = import::read_path(&csv, None).expect("readable");
    let choices = import::Choices::detect(&table);
    let in_frame = time_ms(1, || {
        black_box(choices.import(&table).expect("importable"));
    });
    [open_ms, slowest, ready_ms, in_frame]
}

/// `CHARTROOM_BENCH_ONLY=mapping`: the mapping step's figures per size.
fn mapping_table() {
    println!(
        "\n| N | open the step | slowest frame while importing | result in | import in the frame (before) | slowest frame / before |"
    );
    println!("|---|---|---|---|---|---|");
    for n in sizes()
        .into_iter()
        .filter(|&n| n > import_step_worker_from())
    {
        let [open, slowest, ready, before] = bench_mapping(n);
        println!(
            "| {n} | {open:.0} ms | {slowest:.1} ms | {ready:.0} ms | {before:.0} ms | {:.3} |",
            slowest / before
        );
    }
}

fn import_step_worker_from() -> usize {
    chartroom::ui::import::WORKER_FROM_ROWS
}

fn sizes() -> Vec<usize> {
    // Under `cargo test` (no --bench flag) a small smoke run keeps the
    // benchmark's code working without taking the suite's time.
    if !std::env::args().any(|a| a == "--bench") {
        return vec![1_000];
    }
    std::env::var("CHARTROOM_BENCH_SIZES").map_or_else(
        |_| vec![1_000, 10_000, 100_000, 1_000_000],
        |s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
    )
}

/// `CHARTROOM_BENCH_ONLY=layout` times the layout columns alone, `=open`
/// opening a file to its first frame alone, `=memory` the peak memory open
/// and after 50 edits, `=typing` the frames while a caption is typed (quick
/// before/after figures, and something small to profile).
fn only(part: &str) -> bool {
    std::env::var("CHARTROOM_BENCH_ONLY").is_ok_and(|v| v == part)
}

fn layout_only() -> bool {
    only("layout")
}

/// `CHARTROOM_BENCH_ONLY=...`: one part alone; true when one ran.
fn run_one_part() -> bool {
    if only("svg") {
        for n in sizes() {
            let (_, json) = org(n);
            let whole = format::load_path(&json).expect("loads");
            let ms = time_ms(3, || {
                black_box(chartroom::core::export::svg(
                    &whole.models[0],
                    &ThemeName::Light.palette(),
                ));
            });
            println!("{n}: SVG export {ms:.0} ms (median of 3)");
        }
        return true;
    }
    if only("present") {
        present_table();
        return true;
    }
    if only("pack") {
        pack_table();
        return true;
    }
    if only("typing") {
        typing_table();
        return true;
    }
    if only("mapping") {
        mapping_table();
        return true;
    }
    if only("scenario") {
        scenario_table();
        return true;
    }
    if only("import") {
        for n in sizes() {
            let (_, json) = org(n);
            let (full, read, load, summary) = bench_import(n, &json);
            println!(
                "{n}: import {full:.0} ms, read alone {read:.0} ms, load as Chartroom {load:.0} ms (medians of 3); {summary}"
            );
            let table = import::read_path(&shuffled_org(n), None).expect("readable");
            let detect = time_ms(3, || {
                black_box(import::Choices::detect(&table));
            });
            let choices = import::Choices::detect(&table);
            let build = time_ms(3, || {
                black_box(choices.import(&table).expect("imports"));
            });
            println!("{n}: columns recognised {detect:.1} ms, chart made {build:.0} ms");
        }
        return true;
    }
    if only("memory") {
        for n in sizes().into_iter().filter(|&n| n <= 100_000) {
            let (_, json) = org(n);
            let (open, after_edits) = memory_mb(&json);
            println!(
                "{n}: peak memory open and expanded {open:.0} MB, after 50 edits kept for undo {after_edits:.0} MB"
            );
        }
        return true;
    }
    if only("compare") {
        compare_table();
        return true;
    }
    if only("open") {
        for n in sizes() {
            let (_, json) = org(n);
            let ms: Vec<f64> = (0..5).map(|_| open(&json).0).collect();
            println!(
                "{n}: open to first frame {:.0} ms (median of 5)",
                median(ms)
            );
        }
        return true;
    }
    false
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--list") {
        return; // `cargo test --benches` asks for the list of tests
    }
    if let Some(i) = args.iter().position(|a| a == "--memory") {
        memory_child(Path::new(&args[i + 1]));
        return;
    }
    if run_one_part() {
        return;
    }
    println!("Chartroom at scale (release; median ms; lower is better)\n");
    println!(
        "| N | layout | tidy-tree | layout / tidy-tree | floor | overlaps | width | check | open to first frame | frame: opening | frame: expanded, fitted (cards) | frame: 100% | load | SVG export |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for n in sizes() {
        let (csv, json) = org(n);
        let l = bench_layout(&csv);
        let mut row = format!(
            "| {n} | {:.2} | {:.2} | {:.2}x | {:.3} | {} | {:.0} |",
            l.ours,
            l.tidy,
            l.ours / l.tidy,
            l.floor,
            l.overlaps,
            l.width
        );
        if n <= 100_000 && !layout_only() {
            let check = check_ms(&json);
            let a = bench_app(&json);
            let _ = write!(
                row,
                " {check:.0} | {:.0} | {:.1} | {:.1} ({}) | {:.1} | {:.0} | {:.0} |",
                a.open_ms, a.opening, a.fitted, a.expanded_cards, a.actual, a.load_ms, a.svg_ms
            );
        } else {
            row += " | | | | | | |";
        }
        println!("{row}");
    }
    if layout_only() {
        return;
    }
    println!(
        "\n| N | import (read, map, build) | read CSV alone | import / read | load same org as .json | import / load |"
    );
    println!("|---|---|---|---|---|---|");
    let mut summaries = Vec::new();
    for n in sizes().into_iter().filter(|&n| n <= 100_000) {
        let (_, json) = org(n);
        let (full, read, load, summary) = bench_import(n, &json);
        println!(
            "| {n} | {full:.0} | {read:.0} | {:.2}x | {load:.0} | {:.2}x |",
            full / read,
            full / load
        );
        summaries.push(format!("{n}: {summary}"));
    }
    for s in summaries {
        println!("  {s}");
    }
    if sizes().contains(&100_000) {
        let (_, json) = org(100_000);
        let (open, edited) = memory_mb(&json);
        println!(
            "\npeak memory of the process with a 100,000-leader workspace open, expanded and fitted: {open:.0} MB; after 50 edits kept for undo: {edited:.0} MB"
        );
    }
    typing_table();
}

/// `CHARTROOM_BENCH_ONLY=pack`: the board pack of a 60, 300 and 1,500
/// person organisation (the generator's shapes): its chart pages and the
/// time to make the PDF (median of 3), against the SVG of the whole chart
/// (the peer: the same drawing, one page, no splitting or packing).
fn pack_table() {
    use chartroom::core::export;
    println!("| N | chart pages | board pack | SVG of the chart (peer) | pack / SVG |");
    println!("|---|---|---|---|---|");
    for n in [60, 300, 1_500] {
        let (_, json) = org(n);
        let workspace = format::load_path(&json).expect("loads");
        let palette = ThemeName::Light.palette();
        // Title, summary and findings pages are not the chart's.
        let pages = export::pack_pages(&workspace, &palette).len() - 3;
        let mut made = Ok(Vec::new());
        let pack = time_ms(3, || made = export::board_pack(&workspace, &palette));
        let svg = time_ms(3, || {
            black_box(export::svg(&workspace.models[0], &palette));
        });
        let said = match made {
            Ok(pdf) => format!("{:.0} ms ({} KB)", pack, pdf.len() / 1024),
            Err(e) => format!("refused in {pack:.0} ms: {e}"),
        };
        println!(
            "| {n} | {pages} | {said} | {svg:.0} ms | {:.1} |",
            pack / svg
        );
    }
}
