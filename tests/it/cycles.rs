//! No import cycles in the core: among the modules that share a parent
//! (each counted with everything under it), none reaches back to one that
//! reaches it. A parent and its own children may name each other (that is
//! how Rust declares and re-exports them); siblings that do are one
//! module cut in two, or two that should be layered.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module's path from the crate root: `["core", "export", "pages"]`.
type ModPath = Vec<String>;

/// The module path of a file under `src/`.
fn module_of(src: &Path, file: &Path) -> ModPath {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: ModPath = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The text with `//` comments blanked, so that a path written in a doc
/// comment is not read as a use of it.
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a `use` tree names, with its groups expanded:
/// `super::{a, b::{c, d as e}}` gives `super::a`, `super::b::c`,
/// `super::b::d`.
fn expand_use(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        let path = tree.split("as").next().unwrap_or_default();
        return vec![path.trim_end_matches("::").to_owned()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    items
        .into_iter()
        .filter(|item| !item.is_empty())
        .flat_map(expand_use)
        .map(|rest| match rest.as_str() {
            "self" => prefix.trim_end_matches("::").to_owned(),
            _ => format!("{prefix}{rest}"),
        })
        .collect()
}

/// Every path a file names: its `use` trees, expanded, and the paths
/// written in its code (`crate::core::diff::diff(a, b)`). A file's unit
/// tests (from its `#[cfg(test)]` on: they close the file here) are not
/// part of what the build links, and may use any module.
fn paths_named(text: &str) -> Vec<String> {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    let text = without_comments(text);
    let mut paths = Vec::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("use ") {
        let starts_word = at == 0
            || !rest[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
        let tail = &rest[at + 4..];
        let end = tail.find(';').unwrap_or(tail.len());
        if starts_word {
            paths.extend(expand_use(&tail[..end]));
        }
        rest = &tail[end.min(tail.len())..];
    }
    let bytes: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let word_start = i == 0 || !(bytes[i - 1].is_alphanumeric() || bytes[i - 1] == '_');
        let rest: String = bytes[i..bytes.len().min(i + 7)].iter().collect();
        if word_start
            && ["crate::", "super::", "self::"]
                .iter()
                .any(|p| rest.starts_with(p))
        {
            let path: String = bytes[i..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_' || **c == ':')
                .collect();
            i += path.len().max(1);
            paths.push(path.trim_end_matches(':').to_owned());
        } else {
            i += 1;
        }
    }
    paths
}

/// The module a path written in `from` lands in: `self`, `super` and
/// `crate` resolved, then the longest prefix that is a module of ours.
fn resolve(from: &ModPath, path: &str, modules: &BTreeSet<ModPath>) -> Option<ModPath> {
    let mut segments = path.split("::").filter(|s| !s.is_empty()).peekable();
    let mut at: ModPath = match segments.peek().copied() {
        Some("crate") => {
            segments.next();
            Vec::new()
        }
        Some("self") => {
            segments.next();
            from.clone()
        }
        Some("super") => from.clone(),
        _ => return None,
    };
    while segments.peek() == Some(&"super") {
        segments.next();
        at.pop()?;
    }
    let mut best = None;
    for segment in segments {
        at.push(segment.to_owned());
        if modules.contains(&at) {
            best = Some(at.clone());
        }
    }
    best
}

/// Every cycle among siblings, each as "a -> b -> a".
fn sibling_cycles(edges: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<String> {
    // Edge between the children of the deepest module both ends share.
    let mut sibling_edges: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for (from, tos) in edges {
        for to in tos {
            let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
            if common < from.len() && common < to.len() {
                let a = from[..=common].to_vec();
                let b = to[..=common].to_vec();
                sibling_edges.entry(a).or_default().insert(b);
            }
        }
    }
    let mut cycles = BTreeSet::new();
    for start in sibling_edges.keys() {
        // Breadth first back to `start`, keeping the way.
        let mut came_from: BTreeMap<&ModPath, &ModPath> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            for next in sibling_edges.get(node).into_iter().flatten() {
                if next == start {
                    let mut way = vec![start.join("::")];
                    let mut at = node;
                    while at != start {
                        way.push(at.join("::"));
                        at = came_from[at];
                    }
                    way.push(start.join("::"));
                    way.reverse();
                    let mut key: Vec<String> = way[..way.len() - 1].to_vec();
                    key.sort();
                    cycles.insert((key, way.join(" -> ")));
                    queue.clear();
                    break;
                }
                if !came_from.contains_key(next) {
                    came_from.insert(next, node);
                    queue.push_back(next);
                }
            }
        }
    }
    let mut seen = BTreeSet::new();
    cycles
        .into_iter()
        .filter(|(key, _)| seen.insert(key.clone()))
        .map(|(_, way)| way)
        .collect()
}

/// The uses between the modules of the files under `src/<under>`.
fn module_edges(under: &str) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    super::boundary::rust_files(&src.join(under), &mut files);
    let modules: BTreeSet<ModPath> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut edges: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for file in &files {
        let from = module_of(&src, file);
        let text = std::fs::read_to_string(file).unwrap();
        for path in paths_named(&text) {
            if let Some(to) = resolve(&from, &path, &modules)
                && to != from
            {
                edges.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    edges
}

#[test]
fn the_core_has_no_import_cycles() {
    let edges = module_edges("core");
    let used: usize = edges.values().map(BTreeSet::len).sum();
    assert!(used > 100, "read the core's uses: only {used} found");
    let cycles = sibling_cycles(&edges);
    assert!(
        cycles.is_empty(),
        "import cycles in the core:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn the_cycle_check_sees_a_cycle_and_reads_use_trees() {
    assert_eq!(
        expand_use("super::{a, b::{c, d as e}, self}"),
        ["super::a", "super::b::c", "super::b::d", "super"]
    );
    let module = |s: &str| s.split("::").map(str::to_owned).collect::<ModPath>();
    let modules: BTreeSet<ModPath> = ["core", "core::a", "core::a::x", "core::b"]
        .map(module)
        .into();
    let from = module("core::a::x");
    assert_eq!(
        resolve(&from, "super::super::b::Thing", &modules),
        Some(module("core::b"))
    );
    assert_eq!(
        resolve(&from, "crate::core::a::x::f", &modules),
        Some(module("core::a::x"))
    );
    assert_eq!(resolve(&from, "std::fmt", &modules), None);
    // a::x uses b, and b uses a: a cycle between the siblings a and b. A
    // parent using its child, and back, is none.
    let edges = BTreeMap::from([
        (module("core::a::x"), BTreeSet::from([module("core::b")])),
        (module("core::b"), BTreeSet::from([module("core::a")])),
        (module("core::a"), BTreeSet::from([module("core::a::x")])),
    ]);
    assert_eq!(sibling_cycles(&edges), ["core::a -> core::b -> core::a"]);
    let parent_and_child = BTreeMap::from([
        (module("core::a"), BTreeSet::from([module("core::a::x")])),
        (module("core::a::x"), BTreeSet::from([module("core::a")])),
    ]);
    assert!(sibling_cycles(&parent_and_child).is_empty());
}
