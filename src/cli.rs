//! The command line: `chartroom [FILE]`, `chartroom check`, `chartroom presets`,
//! `export`, `diff`, `import`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod export_command;
mod import;
pub mod manual;
mod scenario_command;

pub use self::import::ManagerBy;

use crate::core::analysis;
use crate::core::export::PageSize;
use crate::core::presets::{self, PRESETS};
use crate::core::text::visible;
use crate::core::theme::ThemeName;
use crate::core::wording::{FindingStyle, finding_line, shown_name};
use crate::core::workspace::Workspace;

/// Draw, compare and present technology-leadership org charts.
///
/// With no arguments the app opens with the eight preset models.
#[derive(Debug, Parser)]
#[command(
    name = "chartroom",
    version = crate::VERSION,
    args_conflicts_with_subcommands = true,
    propagate_version = true,
    after_help = "Exit status: 0 success; 1 the input is refused (the reason is on standard error); 2 usage."
)]
pub struct Cli {
    /// A Chartroom file (.chartroom or .json) to open in the app, or an HR
    /// export (.csv, .xlsx, ...) to import into it.
    pub file: Option<PathBuf>,
    /// A headless command.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a file and print, per model, its leaders and overlaps.
    ///
    /// Exit 0 for a valid file, 1 for an invalid or unreadable one.
    Check {
        /// A file path, or `preset:ID` (see `chartroom presets`).
        input: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the built-in preset models: identifier, then title.
    Presets,
    /// Draw a model as a picture, or every model as a PDF board pack or
    /// PowerPoint slides.
    ///
    /// INPUT is a file or `preset:ID`. SVG and PNG draw one model (a file of
    /// several needs --model); PDF draws a title page, one page per scene
    /// (the storyboard, or one per model; just --model if given) and the
    /// findings; PPTX one slide per scene, with the notes as speaker notes.
    /// Written safely (temporary file, then rename).
    Export {
        /// A file path, or `preset:ID`.
        input: String,
        /// The model's id, for a file of several models.
        #[arg(long)]
        model: Option<String>,
        /// PPTX only: each chart as one picture, not as shapes (cards,
        /// connectors) PowerPoint can edit.
        #[arg(long)]
        pictures: bool,
        /// The picture format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Svg)]
        format: ExportFormat,
        /// Colours and type.
        #[arg(long, value_enum, default_value_t = ThemeName::Light)]
        theme: ThemeName,
        /// PNG only: pixels per chart unit (2 or 4 for sharp slides).
        #[arg(long, default_value_t = 2.0, value_parser = parse_scale)]
        scale: f32,
        /// SVG only: text as outlines drawn with the bundled font, so the
        /// picture looks the same on a machine without it (the text is
        /// then no longer text).
        #[arg(long)]
        outlines: bool,
        /// PDF: the title page's heading; PPTX: the deck's title.
        #[arg(long)]
        title: Option<String>,
        /// PDF only: a line under the title (the meeting, the question).
        #[arg(long)]
        subtitle: Option<String>,
        /// PDF and PPTX: who prepared the pack.
        #[arg(long)]
        author: Option<String>,
        /// PDF only: the date to print, as written ("4 December 2026").
        #[arg(long)]
        date: Option<String>,
        /// PDF only: paper (A4, US Letter or A3), landscape (a chart split
        /// over pages is turned to portrait where that takes fewer pages);
        /// the file's (File > Board pack details…), else A4.
        #[arg(long, value_enum)]
        page: Option<PageSize>,
        /// PDF only: every page landscape, never turned to portrait (or as
        /// the file says).
        #[arg(long)]
        landscape: bool,
        /// PDF only: a page comparing two models side by side, by id
        /// (`A:B`, what changes from A to B); repeatable.
        #[arg(long, value_parser = parse_pair)]
        compare: Vec<(String, String)>,
        /// Where to write it.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Make a Chartroom file from an HR export (CSV, TSV, XLSX, XLS, ODS) or
    /// a JSON org chart.
    ///
    /// Columns are recognised from their headers (Employee ID, Worker,
    /// Job Title, Reports To, ...); --map overrides one. Every problem is
    /// printed with its row; the import goes on when a chart can be made,
    /// unless --strict is given. Exit 1 when nothing could be imported.
    Import {
        /// The HR export.
        input: PathBuf,
        /// The worksheet of a workbook (the first by default).
        #[arg(long)]
        sheet: Option<String>,
        /// Use COLUMN (a header, or #N for the Nth column) for FIELD: id,
        /// name, first-name, last-name, title, manager, department,
        /// location, email, responsibilities, role, dotted. An empty
        /// COLUMN ignores the field.
        #[arg(long = "map", value_name = "FIELD=COLUMN")]
        map: Vec<String>,
        /// What the manager column holds (worked out when not given).
        #[arg(long, value_enum)]
        manager_by: Option<ManagerBy>,
        /// The model's title (the file's name by default).
        #[arg(long)]
        title: Option<String>,
        /// Fail (exit 1, nothing written) on any problem.
        #[arg(long)]
        strict: bool,
        /// Where to write the Chartroom file.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Try a leadership model on an organisation: who plays each of the
    /// target's leaders, and what it does to teams, spans and levels.
    ///
    /// Each cast person reports to whoever is cast as their target manager
    /// and takes the target leader's role and responsibilities; a post to
    /// hire becomes an open position; everyone else keeps their manager.
    /// Writes the file's models with the scenario added, and prints the
    /// impact. A bad cast (unknown person or leader, one person twice, a
    /// loop) exits 1 with the reason and writes nothing.
    Scenario {
        /// The Chartroom file holding the organisation.
        input: PathBuf,
        /// The organisation's model id, for a file of several.
        #[arg(long)]
        model: Option<String>,
        /// The model to try: `preset:ID` or a model id of the file.
        #[arg(long)]
        onto: String,
        /// Who plays a target leader: `TARGET_LEADER=PERSON_ID`; repeatable.
        #[arg(long, value_name = "TARGET_LEADER=PERSON_ID")]
        cast: Vec<String>,
        /// A target leader to hire: an open position; repeatable.
        #[arg(long, value_name = "TARGET_LEADER")]
        hire: Vec<String>,
        /// Cast people keep their own responsibilities.
        #[arg(long)]
        keep_responsibilities: bool,
        /// Where to write the file with the scenario added.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Say what changes from one model to another, in sentences.
    ///
    /// A and B are `preset:ID`, `FILE#MODEL`, or a FILE holding one model.
    Diff {
        /// The first model ("today").
        a: String,
        /// The second model ("proposed").
        b: String,
        /// Print JSON instead of sentences.
        #[arg(long)]
        json: bool,
    },
}

/// The PNG scales `export` draws: small enough to fit in memory, large
/// enough to read.
pub const SCALES: std::ops::RangeInclusive<f32> = 0.25..=8.0;

/// `--scale`: a number in [`SCALES`], or a message saying what is allowed.
fn parse_scale(text: &str) -> Result<f32, String> {
    let scale: f32 = text
        .trim()
        .parse()
        .map_err(|_| format!("\"{text}\" is not a number; use 0.25 to 8"))?;
    if SCALES.contains(&scale) {
        Ok(scale)
    } else {
        Err(format!(
            "{scale} is out of range; use 0.25 to 8 (2 or 4 for sharp slides)"
        ))
    }
}

/// `A:B`, two model ids.
fn parse_pair(text: &str) -> Result<(String, String), String> {
    match text.split_once(':') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            Ok((a.trim().to_owned(), b.trim().to_owned()))
        }
        _ => Err(format!(
            "\"{text}\" is not two model ids; write FIRST:SECOND, e.g. traditional:software-company"
        )),
    }
}

/// Picture formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Scalable vector graphics: text stays text.
    Svg,
    /// A picture, at --scale.
    Png,
    /// The board pack.
    Pdf,
    /// PowerPoint slides: one per scene (or per model), 16:9.
    Pptx,
    /// One row per leader, in the shape `import` reads.
    Csv,
}

/// Runs a headless command, writing to the given streams.
pub fn run(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let result = match command {
        Command::Presets => list_presets(out),
        Command::Check { input, json } => return check(input, *json, out, err),
        Command::Diff { a, b, json } => return diff_command(a, b, *json, out, err),
        Command::Import { .. } => return import_command(command, out, err),
        Command::Export { .. } => export_command::export_command(command, out),
        Command::Scenario { .. } => return scenario_command(command, out, err),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "chartroom: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `import`: the request from the command line, then the import.
fn import_command(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let Command::Import {
        input,
        sheet,
        map,
        manager_by,
        title,
        strict,
        output,
    } = command
    else {
        return ExitCode::FAILURE;
    };
    let request = import::ImportRequest {
        input,
        sheet: sheet.as_deref(),
        maps: map,
        manager_by: *manager_by,
        title: title.as_deref(),
        strict: *strict,
        output,
    };
    said(import::run(&request, out), err)
}

/// `scenario`: the request from the command line, then the scenario.
fn scenario_command(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let Command::Scenario {
        input,
        model,
        onto,
        cast,
        hire,
        keep_responsibilities,
        output,
    } = command
    else {
        return ExitCode::FAILURE;
    };
    let request = scenario_command::ScenarioRequest {
        input,
        model: model.as_deref(),
        onto,
        cast,
        hire,
        keep_responsibilities: *keep_responsibilities,
        output,
    };
    said(scenario_command::run(&request, out), err)
}

/// Exit 0, or 1 with the reason on standard error.
fn said(result: Result<(), String>, err: &mut dyn Write) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "chartroom: {e}");
            ExitCode::FAILURE
        }
    }
}

fn list_presets(out: &mut dyn Write) -> std::io::Result<()> {
    for preset in PRESETS {
        let title = presets::model(preset.id).map_or_else(|e| e.to_string(), |m| m.title);
        writeln!(out, "{}\t{}", preset.id, title)?;
    }
    Ok(())
}

fn check(input: &str, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    match presets::load_input(input) {
        Ok(workspace) => {
            // The command ends here: the operating system takes the memory
            // back at exit far quicker than freeing a big chart leader by
            // leader (a tenth of the time of `check` at 100,000 leaders).
            let workspace = std::mem::ManuallyDrop::new(workspace);
            let written = if json {
                serde_json::to_writer_pretty(&mut *out, &check_json(input, &workspace))
                    .map_err(std::io::Error::other)
                    .and_then(|()| writeln!(out))
            } else {
                write_check_text(input, &workspace, out)
            };
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    let _ = writeln!(err, "chartroom: cannot write the report: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            if json {
                let report = serde_json::json!({
                    "input": input, "valid": false, "error": e.to_string()
                });
                let _ = writeln!(out, "{report:#}");
            }
            let _ = writeln!(err, "chartroom: {input}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn diff_command(
    a: &str,
    b: &str,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let load = |spec: &str| presets::load_model(spec).map_err(|e| format!("{spec}: {e}"));
    let (left, right) = match (load(a), load(b)) {
        (Ok(left), Ok(right)) => (left, right),
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(err, "chartroom: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (d, impact) = crate::core::impact::diff_and_impact(&left, &right);
    let written = if json {
        let ids = |v: &[crate::core::model::LeaderId]| {
            v.iter().map(ToString::to_string).collect::<Vec<_>>()
        };
        let sentences: Vec<_> = d
            .sentences
            .iter()
            .map(|s| serde_json::json!({ "text": s.text, "left": ids(&s.left), "right": ids(&s.right) }))
            .collect();
        let report = serde_json::json!({
            "a": a, "b": b,
            "sentences": sentences,
            "resolved_conflicts": d.resolved_conflicts,
            "opened_conflicts": d.opened_conflicts,
            "closed_gaps": d.closed_gaps,
            "opened_gaps": d.opened_gaps,
            "impact": impact.to_json(),
        });
        writeln!(out, "{report:#}")
    } else {
        d.sentences
            .iter()
            .try_for_each(|s| writeln!(out, "{}", s.text))
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "chartroom: cannot write the report: {e}");
            ExitCode::FAILURE
        }
    }
}

fn holder_names(
    workspace_model: &crate::core::workspace::Model,
    o: &analysis::Finding,
) -> Vec<String> {
    o.holders
        .iter()
        .map(|(id, _)| shown_name(&workspace_model.chart, id).into_owned())
        .collect()
}

fn write_check_text(input: &str, ws: &Workspace, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{input}: valid, {} model(s)", ws.models.len())?;
    for model in &ws.models {
        let overlaps = analysis::overlaps(&model.chart);
        writeln!(
            out,
            "{} ({})",
            visible(model.id.as_str()),
            visible(&model.title)
        )?;
        writeln!(out, "  leaders: {}", model.chart.len())?;
        let shape = crate::core::impact::shape_of(&model.chart);
        writeln!(
            out,
            "  levels: {}, managers: {}, median span {:.1}, mean span {:.1}",
            shape.levels, shape.managers, shape.median_span, shape.mean_span
        )?;
        writeln!(out, "  overlaps: {}", overlaps.len())?;
        for o in &overlaps {
            // The first few holders and how many more (--json lists all).
            writeln!(
                out,
                "    {}",
                finding_line(&model.chart, o, FindingStyle::Names)
            )?;
        }
    }
    Ok(())
}

fn check_json(input: &str, ws: &Workspace) -> serde_json::Value {
    let models: Vec<_> = ws
        .models
        .iter()
        .map(|model| {
            let overlaps: Vec<_> = analysis::overlaps(&model.chart)
                .iter()
                .map(|o| {
                    serde_json::json!({
                        "responsibility": o.phrase,
                        "holders": o.holders.iter().map(|(h, _)| h.to_string()).collect::<Vec<_>>(),
                        "letters": o.holders.iter().map(|(_, r)| r.letter()).collect::<Vec<_>>(),
                        "grade": o.grade.word(),
                        "holder_names": holder_names(model, o),
                    })
                })
                .collect();
            let shape = crate::core::impact::shape_of(&model.chart);
            serde_json::json!({
                "id": model.id,
                "title": model.title,
                "leaders": model.chart.len(),
                "levels": shape.levels,
                "managers": shape.managers,
                "median_span": shape.median_span,
                "mean_span": shape.mean_span,
                "overlaps": overlaps,
            })
        })
        .collect();
    serde_json::json!({ "input": input, "valid": true, "models": models })
}
