//! One wording per concept: how a count, a list of names, a leader's name
//! and a finding read, wherever they are shown (the panels, the board
//! pack, the slides and the command line all say them the same way).

use std::borrow::Cow;
use std::fmt::Write;

use super::analysis::Finding;
use super::model::{LeaderId, OrgChart, Raci};
use super::text::visible;

/// The text with its first letter in upper case ("information security"
/// as "Information security").
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A count with thousands separators: `28412` as "28,412".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How many names a list in a sentence or a report gives before "and N
/// more".
pub const NAMES_SHOWN: usize = 6;

/// The line that counts what a list left out: "and 1 more change", "and
/// 1,204 more changes".
pub fn and_more(n: usize, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("and {} more {noun}{s}", thousands(n))
}

/// "A", "A and B", "A, B and C"; past [`NAMES_SHOWN`] names, the first ones
/// and "and 28,412 more". Only the names shown are built: `total` says how
/// many there are, `names` yields them in order.
pub fn name_list<'a>(names: impl IntoIterator<Item = Cow<'a, str>>, total: usize) -> String {
    let shown: Vec<Cow<'a, str>> = names.into_iter().take(NAMES_SHOWN).collect();
    if total > shown.len() {
        return format!(
            "{}, and {} more",
            shown.join(", "),
            thousands(total - shown.len())
        );
    }
    match shown.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "A, B, C" (a report's list); past [`NAMES_SHOWN`] names, the first ones
/// and "and 28,412 more".
pub fn comma_list<'a>(names: impl IntoIterator<Item = Cow<'a, str>>, total: usize) -> String {
    let shown: Vec<Cow<'a, str>> = names.into_iter().take(NAMES_SHOWN).collect();
    let mut out = shown.join(", ");
    if total > shown.len() {
        let _ = write!(out, ", and {} more", thousands(total - shown.len()));
    }
    out
}

/// "1 leader", "2 leaders", "28,412 leaders".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(n))
    }
}

/// A leader as the reader sees them: their name (made visible), else the
/// id when the chart has no such leader or the name is blank.
pub fn shown_name<'a>(chart: &'a OrgChart, id: &'a LeaderId) -> Cow<'a, str> {
    match chart.leader(id) {
        Some(leader) if !leader.name.trim().is_empty() => visible(&leader.name),
        _ => visible(id.as_str()),
    }
}

/// The holders' names as shown ([`shown_name`]), each with their letter.
pub fn holder_names<'a>(
    chart: &'a OrgChart,
    holders: &'a [(LeaderId, Raci)],
) -> impl Iterator<Item = (Cow<'a, str>, Raci)> + 'a {
    holders
        .iter()
        .map(|(id, raci)| (shown_name(chart, id), *raci))
}

/// What a chart without findings says.
pub const NO_FINDINGS: &str = "Every responsibility has exactly one accountable leader.";

/// How a finding is written out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindingStyle {
    /// "information security: CIO, CISO" (the panel and `chartroom check`,
    /// where the grade is a heading or a colour).
    Names,
    /// "Shared: information security (CIO A, CISO R)" (a scene's page or
    /// slide, under its chart), where the line stands alone.
    Graded,
    /// "Shared: information security: CIO (A), CISO (R)" (the board pack's
    /// findings page): each letter in brackets, so that names with commas
    /// ("VP App Dev, Finance (R)") still read as one holder each.
    Listed,
}

/// One finding in one line: the first [`NAMES_SHOWN`] holders named, the
/// rest counted.
pub fn finding_line(chart: &OrgChart, finding: &Finding, style: FindingStyle) -> String {
    let phrase = visible(&finding.phrase);
    let total = finding.holders.len();
    match style {
        FindingStyle::Names => {
            let names = finding.holders.iter().map(|(id, _)| shown_name(chart, id));
            format!("{phrase}: {}", comma_list(names, total))
        }
        FindingStyle::Graded => {
            let names = holder_names(chart, &finding.holders)
                .map(|(name, raci)| Cow::Owned(format!("{name} {}", raci.letter())));
            format!(
                "{}: {phrase} ({})",
                capitalise(finding.grade.word()),
                comma_list(names, total)
            )
        }
        FindingStyle::Listed => {
            let names = holder_names(chart, &finding.holders)
                .map(|(name, raci)| Cow::Owned(format!("{name} ({})", raci.letter())));
            format!(
                "{}: {phrase}: {}",
                capitalise(finding.grade.word()),
                comma_list(names, total)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_name_the_first_few_and_count_the_rest() {
        let names = |n: usize| (1..=n).map(|i| Cow::Owned(format!("P{i}")));
        assert_eq!(name_list(names(1), 1), "P1");
        assert_eq!(name_list(names(3), 3), "P1, P2 and P3");
        assert_eq!(name_list(names(6), 6), "P1, P2, P3, P4, P5 and P6");
        assert_eq!(
            name_list(names(28_418), 28_418),
            "P1, P2, P3, P4, P5, P6, and 28,412 more"
        );
        assert_eq!(comma_list(names(2), 2), "P1, P2");
        assert_eq!(
            comma_list(names(9), 9),
            "P1, P2, P3, P4, P5, P6, and 3 more"
        );
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn counts_names_and_findings_read_one_way() {
        assert_eq!(count(1, "leader", "leaders"), "1 leader");
        assert_eq!(count(28_412, "leader", "leaders"), "28,412 leaders");
        assert_eq!(count(0, "level", "levels"), "0 levels");
        let chart = crate::core::presets::model("peers").unwrap().chart;
        let found = crate::core::analysis::findings(&chart);
        let shared = found
            .iter()
            .find(|f| f.key == "information security")
            .expect("Peers shares information security");
        assert_eq!(
            finding_line(&chart, shared, FindingStyle::Graded),
            "Shared: information security (CIO A, CISO R)"
        );
        assert_eq!(
            finding_line(&chart, shared, FindingStyle::Listed),
            "Shared: information security: CIO (A), CISO (R)"
        );
        assert!(
            finding_line(&chart, shared, FindingStyle::Names)
                .starts_with("information security: CIO")
        );
        let nobody = LeaderId::new("nobody");
        assert_eq!(shown_name(&chart, &nobody), "nobody");
    }
}
