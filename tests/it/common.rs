//! Helpers shared by the UI tests: a harness around the real app, scripted
//! file dialogs, and a pointer drag made of several moves.

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use chartroom::app::{ChartroomApp, FileDialogs};
use chartroom::core::model::LeaderId;
use egui::{Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Answers to the file dialogs, set by the test before it clicks.
#[derive(Clone, Default)]
pub struct Answers {
    /// What "Open" picks.
    pub open: Rc<RefCell<Option<PathBuf>>>,
    /// What "Save As" picks.
    pub save: Rc<RefCell<Option<PathBuf>>>,
    /// The name the last Save As dialog suggested.
    pub suggested: Rc<RefCell<Option<String>>>,
    /// The desktop has no file dialog to show.
    pub no_dialogs: Rc<std::cell::Cell<bool>>,
}

struct ScriptedDialogs(Answers);

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        self.0.open.borrow().clone()
    }

    fn pick_save(&mut self, suggested_name: &str) -> Option<PathBuf> {
        *self.0.suggested.borrow_mut() = Some(suggested_name.to_owned());
        self.0.save.borrow().clone()
    }

    fn pick_export(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        self.0.save.borrow().clone()
    }

    fn pick_import(&mut self) -> Option<PathBuf> {
        self.0.open.borrow().clone()
    }

    fn unavailable(&self) -> bool {
        self.0.no_dialogs.get()
    }
}

/// Dialogs answered from `answers`.
pub fn dialogs(answers: &Answers) -> Box<dyn FileDialogs> {
    Box::new(ScriptedDialogs(answers.clone()))
}

/// The app on the presets, with dialogs the test answers.
pub fn preset_app() -> (ChartroomApp, Answers) {
    let answers = Answers::default();
    let app = ChartroomApp::with_presets(Box::new(ScriptedDialogs(answers.clone())));
    (app, answers)
}

/// A harness around the whole app at a desktop window size.
pub fn harness(app: ChartroomApp) -> Harness<'static, ChartroomApp> {
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_theme(egui::Theme::Light)
        .build_ui_state(|ui, app: &mut ChartroomApp| app.ui(ui), app);
    harness.run();
    harness
}

/// Shows a model by clicking its entry in the model list.
pub fn show_model(harness: &mut Harness<'_, ChartroomApp>, title: &str) {
    harness.get_by_label(title).click();
    harness.run();
}

/// Presses at `from`, moves to `to` in several steps, releases there.
pub fn drag(harness: &mut Harness<'_, ChartroomApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=6 {
        let t = step as f32 / 6.0;
        harness.hover_at(from + (to - from) * t);
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

/// The centre of the widget with this label.
pub fn centre_of(harness: &Harness<'_, ChartroomApp>, label: &str) -> Pos2 {
    harness.get_by_label(label).rect().center()
}

/// The direct manager of a leader in the shown model.
pub fn manager_of(harness: &Harness<'_, ChartroomApp>, id: &str) -> Option<String> {
    let model = harness.state().current_model()?;
    model
        .chart
        .manager_of(&LeaderId::new(id))
        .map(ToString::to_string)
}

/// Runs the `chartroom` binary, as a user would.
pub fn chartroom(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_chartroom"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Text without white space: glyphs are placed one by one in the PDF, so
/// the extracted text is spaced out; compare without it.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

/// The text of each page of a PDF, squeezed.
pub fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf)
        .expect("a readable PDF")
        .iter()
        .map(|p| squeeze(p))
        .collect()
}

/// Opens the Compare tab and shows `left` and `right` (model titles; the
/// titles above the canvases have the same text, the open list is drawn
/// last).
pub fn compare(harness: &mut Harness<'_, ChartroomApp>, left: &str, right: &str) {
    harness.get_by_label("Compare").click();
    harness.run();
    for (side, title) in [("Right:", right), ("Left:", left)] {
        harness.get_by_label(side).click();
        harness.run();
        harness
            .get_all_by_label(title)
            .last()
            .expect("listed")
            .click();
        harness.run();
    }
}

/// Runs frames until a widget with `label` shows: for work the app does
/// off the UI thread (the board pack, the slides). Fails after 60 s.
pub fn wait_for(harness: &mut Harness<'_, ChartroomApp>, label: &str) {
    for _ in 0..6000 {
        harness.run();
        if harness.query_by_label(label).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("{label} never showed");
}

/// What a reader in `tests/readers` (Python, with pdfplumber or python-pptx
/// from `PyPI`: scripts/test.sh installs them) says of `file`, as JSON.
pub fn read_with(reader: &str, file: &std::path::Path) -> serde_json::Value {
    let script = format!("{}/tests/readers/{reader}", env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(file)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{reader} could not read {} (scripts/test.sh installs pdfplumber 0.11.4 \
         and python-pptx 1.0.2): {}",
        file.display(),
        text(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the reader's JSON")
}

/// A deck as python-pptx reads it: `tests/readers/pptx_read.py`'s JSON of
/// each slide's title, notes and shapes (text, place in points, font
/// sizes, table cells, connector ends).
pub fn read_pptx(deck: &std::path::Path) -> serde_json::Value {
    read_with("pptx_read.py", deck)
}

/// The issue's organisation of `people` (60, 300 or 1,500), as
/// `gen_org.py N` (seed 42) wrote it: kept in `tests/data/orgs`.
pub fn issue_org(people: usize) -> String {
    format!(
        "{}/tests/data/orgs/gen_org_{people}.csv",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// The organisation in `csv` imported by the command line into `dir`;
/// returns the file it wrote.
pub fn import_org(csv: &str, dir: &std::path::Path) -> std::path::PathBuf {
    let file = dir.join("org.chartroom");
    let done = chartroom(&["import", csv, "-o", file.to_str().unwrap()]);
    assert!(done.status.success(), "{}", text(&done.stderr));
    file
}
