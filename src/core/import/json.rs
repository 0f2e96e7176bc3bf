//! Org charts as JavaScript org-chart tools keep them, read into the same
//! [`Table`] as a spreadsheet so that the mapping step works on them as on
//! any export: a nested tree (each person with a `children` array), or a
//! flat list of records with an id and a parent (`id`/`pid`,
//! `id`/`parentId`, `key`/`parent`), bare or under one field of an object
//! (`nodeDataArray`, `data`, `people`...; a tree too, `{"data": {...}}`). A Chartroom document is named
//! as one; any other JSON is refused with the shapes that are read.

use serde_json::{Map, Value};

use super::ImportError;
use super::table::{Row, Table};

/// The column a tree's made-up identifiers go in, when its people have
/// none of their own.
const NODE: &str = "Node";
/// The column a tree's parents go in.
const PARENT: &str = "Parent";

/// Reads JSON text as a table of people.
pub fn read_json(text: &str) -> Result<Table, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::BadJson {
        line: e.line(),
        reason: e.to_string(),
    })?;
    if value.get("format").and_then(Value::as_str) == Some(crate::core::format::FORMAT_NAME) {
        return Err(ImportError::ChartroomDocument);
    }
    let is_tree = |v: &Value| v.get("children").is_some_and(Value::is_array);
    match &value {
        Value::Object(_) if is_tree(&value) => Ok(tree(std::slice::from_ref(&value))),
        Value::Array(items) if items.iter().any(is_tree) => Ok(tree(items)),
        Value::Array(items) if records(items) => Ok(flat(items, "JSON records".to_owned())),
        Value::Object(fields) => {
            let found = fields.iter().find_map(|(key, v)| match v {
                Value::Object(_) if is_tree(v) => Some(Ok(tree(std::slice::from_ref(v)))),
                Value::Array(items) if items.iter().any(is_tree) => Some(Ok(tree(items))),
                Value::Array(items) if records(items) => {
                    Some(Ok(flat(items, format!("JSON records (\"{key}\")"))))
                }
                _ => None,
            });
            found.unwrap_or_else(|| Err(unknown(&value)))
        }
        _ => Err(unknown(&value)),
    }
}

/// True for a non-empty list whose items are all objects.
fn records(items: &[Value]) -> bool {
    !items.is_empty() && items.iter().all(Value::is_object)
}

fn unknown(value: &Value) -> ImportError {
    let found = match value {
        Value::Object(fields) => {
            let keys: Vec<String> = fields.keys().take(8).map(|k| format!("\"{k}\"")).collect();
            if keys.is_empty() {
                "this is an empty object".to_owned()
            } else {
                format!("this is an object with the fields {}", keys.join(", "))
            }
        }
        Value::Array(items) if items.is_empty() => "this is an empty list".to_owned(),
        Value::Array(_) => "this is a list of values that are not records".to_owned(),
        _ => "this is a single value".to_owned(),
    };
    ImportError::UnknownJson { found }
}

/// A cell's text: strings as written, numbers and booleans as JSON writes
/// them, lists joined with `; `, null and objects empty.
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Array(items) => items
            .iter()
            .map(text)
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        Value::Null | Value::Object(_) => String::new(),
    }
}

/// The headers and cells of records, columns in first-seen order. A field
/// holding an object (`"data": {"name": ...}`) gives its own fields.
struct Columns {
    headers: Vec<String>,
    index: crate::core::fast::HashMap<String, usize>,
}

impl Columns {
    fn new() -> Self {
        Self {
            headers: Vec::new(),
            index: crate::core::fast::HashMap::default(),
        }
    }

    fn column(&mut self, key: &str) -> usize {
        if let Some(&c) = self.index.get(key) {
            return c;
        }
        self.headers.push(key.to_owned());
        self.index.insert(key.to_owned(), self.headers.len() - 1);
        self.headers.len() - 1
    }

    /// The cells of one record (children left out).
    fn cells(&mut self, record: &Map<String, Value>) -> Vec<String> {
        let mut cells = Vec::new();
        let mut put = |columns: &mut Self, key: &str, value: &Value| {
            let c = columns.column(key);
            if cells.len() <= c {
                cells.resize(c + 1, String::new());
            }
            if cells[c].is_empty() {
                cells[c] = text(value);
            }
        };
        for (key, value) in record {
            match value {
                _ if key == "children" => {}
                Value::Object(inner) => {
                    for (key, value) in inner.iter().filter(|(_, v)| !v.is_object()) {
                        put(self, key, value);
                    }
                }
                _ => put(self, key, value),
            }
        }
        cells
    }
}

/// A flat list of records, one row each.
fn flat(items: &[Value], source: String) -> Table {
    let mut columns = Columns::new();
    let mut rows = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let cells = item
            .as_object()
            .map(|o| columns.cells(o))
            .unwrap_or_default();
        rows.push(Row {
            number: i + 1,
            cells,
        });
    }
    Table {
        headers: columns.headers,
        rows,
        source,
        sheets: Vec::new(),
    }
}

/// A nested tree, walked without recursion (a deep chart cannot overflow
/// the stack), people in order from the top; each row gets its parent's
/// identifier in a `Parent` column, and made-up identifiers (`1`, `1.2`)
/// in a `Node` column when the people have no `id` or `key` of their own.
fn tree(roots: &[Value]) -> Table {
    let mut nodes: Vec<(&Map<String, Value>, Option<usize>, String)> = Vec::new();
    let mut stack: Vec<(&Value, Option<usize>, String)> = roots
        .iter()
        .enumerate()
        .rev()
        .map(|(i, v)| (v, None, (i + 1).to_string()))
        .collect();
    while let Some((value, parent, path)) = stack.pop() {
        let Some(node) = value.as_object() else {
            continue;
        };
        let me = nodes.len();
        if let Some(Value::Array(children)) = node.get("children") {
            for (i, child) in children.iter().enumerate().rev() {
                stack.push((child, Some(me), format!("{path}.{}", i + 1)));
            }
        }
        nodes.push((node, parent, path));
    }
    let own_key = ["id", "key"].into_iter().find(|key| {
        nodes
            .iter()
            .all(|(n, _, _)| n.get(*key).is_some_and(|v| !text(v).is_empty()))
    });
    let mut columns = Columns::new();
    let id_column = columns.column(own_key.unwrap_or(NODE));
    let parent_column = columns.column(PARENT);
    let ids: Vec<String> = nodes
        .iter()
        .map(|(n, _, path)| own_key.map_or_else(|| path.clone(), |k| text(&n[k])))
        .collect();
    let rows = nodes
        .iter()
        .enumerate()
        .map(|(i, (node, parent, _))| {
            let mut cells = columns.cells(node);
            let width = cells.len().max(parent_column + 1);
            cells.resize(width, String::new());
            cells[id_column].clone_from(&ids[i]);
            cells[parent_column] = parent.map_or_else(String::new, |p| ids[p].clone());
            Row {
                number: i + 1,
                cells,
            }
        })
        .collect();
    Table {
        headers: columns.headers,
        rows,
        source: "JSON tree (\"children\")".to_owned(),
        sheets: Vec::new(),
    }
}
