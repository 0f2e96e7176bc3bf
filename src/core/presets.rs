//! The preset models of PRESETS.md, built into the binary from
//! `assets/presets/*.json` (the app's own file format).

use super::format::{self, LoadError};
use super::workspace::{Model, Workspace};

/// One built-in model: its identifier (as in `preset:ID`) and its document.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// Lowercase with dashes, e.g. `elevator-doors`.
    pub id: &'static str,
    /// The JSON document holding the one model.
    pub json: &'static str,
}

/// The presets, in the order of PRESETS.md.
pub const PRESETS: [Preset; 8] = [
    Preset {
        id: "peers",
        json: include_str!("../../assets/presets/1-peers.json"),
    },
    Preset {
        id: "traditional",
        json: include_str!("../../assets/presets/2-traditional.json"),
    },
    Preset {
        id: "software-company",
        json: include_str!("../../assets/presets/3-software-company.json"),
    },
    Preset {
        id: "enterprise-app-dev",
        json: include_str!("../../assets/presets/4-enterprise-app-dev.json"),
    },
    Preset {
        id: "manufacturing",
        json: include_str!("../../assets/presets/5-manufacturing.json"),
    },
    Preset {
        id: "cdio",
        json: include_str!("../../assets/presets/6-cdio.json"),
    },
    Preset {
        id: "shared-responsibilities",
        json: include_str!("../../assets/presets/7-shared-responsibilities.json"),
    },
    Preset {
        id: "elevator-doors",
        json: include_str!("../../assets/presets/8-elevator-doors.json"),
    },
];

/// Responsibilities named in the discussion but held by no preset; with the
/// presets' own phrases they are the starting vocabulary.
pub const EXTRA_RESPONSIBILITIES: [&str; 6] = [
    "technology in production",
    "tools for employees to do their jobs",
    "technical debt",
    "BI",
    "marketing technology",
    "UX",
];

/// Loads one preset's model by id.
pub fn model(id: &str) -> Result<Model, LoadError> {
    let preset = PRESETS
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| LoadError::Io {
            path: format!("preset:{id}"),
            reason: format!(
                "no such preset (there are: {})",
                PRESETS.map(|p| p.id).join(", ")
            ),
        })?;
    let mut workspace = format::load(preset.json)?;
    workspace.models.pop().ok_or(LoadError::NoModels)
}

/// A workspace holding every preset, in order.
pub fn workspace() -> Result<Workspace, LoadError> {
    let models = PRESETS
        .iter()
        .map(|p| model(p.id))
        .collect::<Result<_, _>>()?;
    Ok(Workspace::new(models))
}

/// Loads what a command names: `preset:ID` for one preset's model,
/// `preset:all` for all eight (the app's opening workspace), anything
/// else as a file path.
pub fn load_input(spec: &str) -> Result<Workspace, LoadError> {
    match spec.strip_prefix("preset:") {
        Some("all") => workspace(),
        Some(id) => Ok(Workspace::new(vec![model(id)?])),
        None => format::load_path(std::path::Path::new(spec)),
    }
}

/// Loads one model: `preset:ID`, `FILE#MODEL` (a model id of the file), or
/// `FILE` when it holds a single model.
pub fn load_model(spec: &str) -> Result<Model, LoadError> {
    if let Some(id) = spec.strip_prefix("preset:") {
        return model(id);
    }
    let (path, wanted) = match spec.rsplit_once('#') {
        Some((path, id)) if !path.is_empty() => (path, Some(id)),
        _ => (spec, None),
    };
    let mut workspace = format::load_path(std::path::Path::new(path))?;
    let available = || workspace_ids(&workspace);
    let index = match wanted {
        Some(id) => workspace
            .models
            .iter()
            .position(|m| m.id.as_str() == id)
            .ok_or_else(|| LoadError::WhichModel {
                input: spec.to_owned(),
                reason: "no model has that id",
                available: available(),
            })?,
        None if workspace.models.len() == 1 => 0,
        None => {
            return Err(LoadError::WhichModel {
                input: spec.to_owned(),
                reason: "the file holds several models; name one as FILE#MODEL",
                available: available(),
            });
        }
    };
    Ok(workspace.models.swap_remove(index))
}

fn workspace_ids(workspace: &Workspace) -> Vec<String> {
    workspace.models.iter().map(|m| m.id.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_loads_with_its_own_id() {
        for p in PRESETS {
            let m = model(p.id).unwrap();
            assert_eq!(m.id, p.id);
            assert_eq!(m.preset.as_deref(), Some(p.id));
        }
        assert!(
            model("nope")
                .unwrap_err()
                .to_string()
                .contains("elevator-doors")
        );
    }
}
