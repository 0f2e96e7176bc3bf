//! Reading the document, its models and leaders straight from the JSON
//! stream:
//! known fields by name, unknown ones kept in `extra`. (What
//! `#[serde(flatten)]` does, without buffering every leader first.)

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use super::schema::{FileAssignment, FileDocument, FileLeader, FileModel};
use crate::core::model::Raci;
use crate::core::workspace::JsonMap;

/// A required field, or a sentence saying whose it is and that it is
/// missing ("leader \"ceo\" has no \"name\"").
fn required<T, E: de::Error>(value: Option<T>, name: &'static str, whose: &str) -> Result<T, E> {
    value.ok_or_else(|| E::custom(format_args!("{whose} has no \"{name}\"")))
}

/// "leader \"ceo\"", or "a leader" before its id is known.
fn whose(kind: &str, id: Option<&String>) -> String {
    id.map_or_else(
        || format!("a {kind}"),
        |id| format!("{kind} \"{}\"", crate::core::text::visible(id)),
    )
}

/// Fails on a field given twice, as the derived readers do.
fn once<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    slot: &mut Option<T>,
    name: &'static str,
    map: &mut A,
) -> Result<(), A::Error> {
    // The value first, so that the error points where the derived readers
    // point: after the repeated field.
    let value = map.next_value().map_err(|e| in_field(name, e))?;
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(value);
    Ok(())
}

/// A value of the wrong type, said with the field's name and where the
/// value is (put in plain words by [`super::error`]); any other error is
/// already in the readers' words, and keeps its place.
fn in_field<E: de::Error>(name: &str, error: E) -> E {
    let text = error.to_string();
    let bare = super::error::without_position(&text);
    if !(bare.starts_with("invalid type: ") || bare.starts_with("invalid value: ")) {
        return error;
    }
    // serde_json places an error where it notices it; a new one made here
    // would be placed further on, so the value's own place travels inside.
    let at = text[bare.len()..].trim_start().trim_start_matches("at ");
    E::custom(format_args!("in \"{name}\": {bare} ({at})"))
}

struct DocumentVisitor;

impl<'de> Visitor<'de> for DocumentVisitor {
    type Value = FileDocument;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Chartroom document (an object with format, version and models)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FileDocument, A::Error> {
        let (mut format, mut version, mut models, mut storyboard) = (None, None, None, None);
        let (mut board_pack, mut scenarios) = (None, None);
        let mut extra = JsonMap::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => once(&mut format, "format", &mut map)?,
                "version" => once(&mut version, "version", &mut map)?,
                "models" => once(&mut models, "models", &mut map)?,
                "storyboard" => once(&mut storyboard, "storyboard", &mut map)?,
                "board_pack" => once(&mut board_pack, "board_pack", &mut map)?,
                "scenarios" => once(&mut scenarios, "scenarios", &mut map)?,
                _ => {
                    extra.insert(key, map.next_value()?);
                }
            }
        }
        Ok(FileDocument {
            format: required(format, "format", "the document")?,
            version: required(version, "version", "the document")?,
            models: required(models, "models", "the document")?,
            storyboard: storyboard.unwrap_or_default(),
            board_pack,
            scenarios: scenarios.unwrap_or_default(),
            extra,
        })
    }
}

impl<'de> Deserialize<'de> for FileDocument {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(DocumentVisitor)
    }
}

struct ModelVisitor;

impl<'de> Visitor<'de> for ModelVisitor {
    type Value = FileModel;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a model (an object with id, title and leaders)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FileModel, A::Error> {
        let (mut id, mut title, mut description, mut preset) = (None, None, None, None);
        let (mut leaders, mut dotted_lines, mut layout) = (None, None, None);
        let mut extra = JsonMap::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" => once(&mut id, "id", &mut map)?,
                "title" => once(&mut title, "title", &mut map)?,
                "description" => once(&mut description, "description", &mut map)?,
                "preset" => once(&mut preset, "preset", &mut map)?,
                "layout" => once(&mut layout, "layout", &mut map)?,
                "leaders" => once(&mut leaders, "leaders", &mut map)?,
                "dotted_lines" => once(&mut dotted_lines, "dotted_lines", &mut map)?,
                _ => {
                    extra.insert(key, map.next_value()?);
                }
            }
        }
        let model = whose("model", id.as_ref());
        Ok(FileModel {
            id: required(id, "id", &model)?,
            title: required(title, "title", &model)?,
            description: description.unwrap_or_default(),
            preset: preset.unwrap_or_default(),
            layout: layout.unwrap_or_default(),
            leaders: required(leaders, "leaders", &model)?,
            dotted_lines: dotted_lines.unwrap_or_default(),
            extra,
        })
    }
}

impl<'de> Deserialize<'de> for FileModel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ModelVisitor)
    }
}

struct LeaderVisitor;

impl<'de> Visitor<'de> for LeaderVisitor {
    type Value = FileLeader;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a leader (an object with id, role and name)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FileLeader, A::Error> {
        let (mut id, mut role, mut name, mut title) = (None, None, None, None);
        let (mut manager, mut responsibilities, mut position, mut collapsed) =
            (None, None, None, None);
        let (mut department, mut email, mut location, mut open) = (None, None, None, None);
        let mut cost: Option<Option<f64>> = None;
        let mut assistant = None;
        let mut extra = JsonMap::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" => once(&mut id, "id", &mut map)?,
                "role" => once(&mut role, "role", &mut map)?,
                "department" => once(&mut department, "department", &mut map)?,
                "email" => once(&mut email, "email", &mut map)?,
                "location" => once(&mut location, "location", &mut map)?,
                "name" => once(&mut name, "name", &mut map)?,
                "title" => once(&mut title, "title", &mut map)?,
                "manager" => once(&mut manager, "manager", &mut map)?,
                "responsibilities" => once(&mut responsibilities, "responsibilities", &mut map)?,
                "position" => once(&mut position, "position", &mut map)?,
                "collapsed" => once(&mut collapsed, "collapsed", &mut map)?,
                "open" => once(&mut open, "open", &mut map)?,
                "cost" => once(&mut cost, "cost", &mut map)?,
                "assistant" => once(&mut assistant, "assistant", &mut map)?,
                _ => {
                    extra.insert(key, map.next_value()?);
                }
            }
        }
        let leader = whose("leader", id.as_ref());
        Ok(FileLeader {
            id: required(id, "id", &leader)?,
            role: required(role, "role", &leader)?,
            name: required(name, "name", &leader)?,
            title: title.unwrap_or_default(),
            manager: manager.unwrap_or_default(),
            responsibilities: responsibilities.unwrap_or_default(),
            position: position.unwrap_or_default(),
            collapsed: collapsed.unwrap_or_default(),
            department: department.unwrap_or_default(),
            email: email.unwrap_or_default(),
            location: location.unwrap_or_default(),
            open: open.unwrap_or_default(),
            cost: cost.flatten(),
            assistant: assistant.unwrap_or_default(),
            extra,
        })
    }
}

impl<'de> Deserialize<'de> for FileLeader {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(LeaderVisitor)
    }
}

struct AssignmentVisitor;

impl<'de> Visitor<'de> for AssignmentVisitor {
    type Value = FileAssignment;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a responsibility: a phrase, or {\"phrase\": ..., \"raci\": \"R\"}")
    }

    fn visit_str<E: de::Error>(self, phrase: &str) -> Result<FileAssignment, E> {
        Ok(FileAssignment::Accountable(phrase.to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FileAssignment, A::Error> {
        let (mut phrase, mut raci): (Option<String>, Option<String>) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "phrase" => once(&mut phrase, "phrase", &mut map)?,
                "raci" => once(&mut raci, "raci", &mut map)?,
                other => {
                    return Err(de::Error::custom(format!(
                        "a responsibility has a field \"{other}\"; use \"phrase\" and \"raci\""
                    )));
                }
            }
        }
        let phrase =
            phrase.ok_or_else(|| de::Error::custom("a responsibility has no \"phrase\""))?;
        let letter = raci.unwrap_or_else(|| "A".to_owned());
        let raci = Raci::ALL
            .into_iter()
            .find(|r| r.letter().eq_ignore_ascii_case(letter.trim()))
            .ok_or_else(|| {
                de::Error::custom(format!(
                    "responsibility \"{phrase}\" has RACI letter \"{letter}\"; use R, A, C or I"
                ))
            })?;
        Ok(FileAssignment::Lettered { phrase, raci })
    }
}

impl<'de> Deserialize<'de> for FileAssignment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AssignmentVisitor)
    }
}
