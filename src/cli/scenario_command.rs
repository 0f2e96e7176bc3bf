//! `chartroom scenario`: a leadership model tried on an organisation of a
//! file; writes the file's models with the scenario added and prints what
//! it does (who is cast, what is left uncast, the impact table).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::core::format;
use crate::core::impact;
use crate::core::model::LeaderId;
use crate::core::presets;
use crate::core::safe_write::{self, Backup};
use crate::core::scenario::{self, Cast, Casting};
use crate::core::workspace::{Model, ScenarioLink};

/// What `scenario` was asked for.
pub struct ScenarioRequest<'a> {
    /// The Chartroom file holding the organisation.
    pub input: &'a Path,
    /// The organisation's model id (for a file of several).
    pub model: Option<&'a str>,
    /// The target: `preset:ID`, or a model id of the same file.
    pub onto: &'a str,
    /// `TARGET_LEADER=PERSON_ID` pairs.
    pub cast: &'a [String],
    /// Target leaders to hire (open positions).
    pub hire: &'a [String],
    /// Cast people keep their own responsibilities.
    pub keep_responsibilities: bool,
    /// Where to write.
    pub output: &'a PathBuf,
}

/// Makes and writes the scenario; the error is the sentence to print.
pub fn run(request: &ScenarioRequest<'_>, out: &mut dyn Write) -> Result<(), String> {
    let shown = request.input.display().to_string();
    let mut workspace = format::load_path(request.input).map_err(|e| format!("{shown}: {e}"))?;
    let baseline = pick(&workspace.models, request.model)
        .ok_or_else(|| which_model(&workspace.models, request.model))?
        .clone();
    let target = match request.onto.strip_prefix("preset:") {
        Some(id) => presets::model(id).map_err(|e| e.to_string())?,
        None => pick(&workspace.models, Some(request.onto))
            .cloned()
            .ok_or_else(|| {
                format!(
                    "--onto \"{}\" is neither preset:ID nor a model of {shown}",
                    request.onto
                )
            })?,
    };
    let casting = casting(request)?;
    let id = workspace.fresh_model_id(&format!("{}-as-{}", baseline.id, target.id));
    let applied = scenario::apply(&baseline, &target, &casting, id).map_err(|e| e.to_string())?;
    let io = |e: std::io::Error| e.to_string();
    writeln!(out, "scenario: {}", applied.model.title).map_err(io)?;
    if applied.hired > 0 {
        writeln!(out, "open positions created: {}", applied.hired).map_err(io)?;
    }
    if !applied.uncast.is_empty() {
        writeln!(out, "not cast: {}", applied.uncast.join(", ")).map_err(io)?;
    }
    if !applied.unmatched.is_empty() {
        writeln!(
            out,
            "staying where they are (no such role in {}): {}",
            target.short_title(),
            applied.unmatched.join(", ")
        )
        .map_err(io)?;
    }
    let impact = impact::impact(&baseline, &applied.model);
    for row in impact.rows() {
        writeln!(out, "{}: {} -> {}", row.label, row.before, row.after).map_err(io)?;
    }
    workspace.scenarios.push(ScenarioLink {
        model: applied.model.id.clone(),
        baseline: baseline.id.clone(),
        target: target.title.clone(),
    });
    workspace.models.push(applied.model);
    let text = format::save(&workspace).map_err(|e| e.to_string())?;
    safe_write::write_atomic(request.output, text.as_bytes(), Backup::None)
        .map_err(|e| e.to_string())?;
    writeln!(out, "wrote {}", request.output.display()).map_err(io)
}

fn pick<'m>(models: &'m [Model], id: Option<&str>) -> Option<&'m Model> {
    match id {
        Some(id) => models.iter().find(|m| m.id.as_str() == id),
        None if models.len() == 1 => models.first(),
        None => None,
    }
}

fn which_model(models: &[Model], id: Option<&str>) -> String {
    let ids: Vec<&str> = models.iter().map(|m| m.id.as_str()).collect();
    match id {
        Some(id) => format!("no model \"{id}\"; the models are {}", ids.join(", ")),
        None => format!(
            "the file holds several models; name the organisation with --model ({})",
            ids.join(", ")
        ),
    }
}

/// `--cast A=B` and `--hire A` as a casting.
fn casting(request: &ScenarioRequest<'_>) -> Result<Casting, String> {
    let mut casting = Casting {
        keep_responsibilities: request.keep_responsibilities,
        ..Casting::default()
    };
    for pair in request.cast {
        let (part, person) = pair
            .split_once('=')
            .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
            .ok_or_else(|| {
                format!("--cast \"{pair}\" is not TARGET_LEADER=PERSON_ID, e.g. cto=E1042")
            })?;
        casting.cast.insert(
            LeaderId::new(part.trim()),
            Cast::Person(LeaderId::new(person.trim())),
        );
    }
    for part in request.hire {
        casting.cast.insert(LeaderId::new(part.trim()), Cast::Hire);
    }
    Ok(casting)
}
