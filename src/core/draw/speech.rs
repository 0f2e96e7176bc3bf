//! What a screen reader says about a card: everything its paint shows
//! (role, name, title, manager, responsibilities with their letters and
//! grades, reports, folding), as one sentence.

use std::fmt::Write;

use crate::core::headcount::Headcount;
use crate::core::model::{Assignment, LeaderId, OrgChart};
use crate::core::text::visible;
use crate::core::wording::thousands;

use super::Marks;

/// How many responsibilities the sentence names before "and N more".
const SPOKEN_RESPONSIBILITIES: usize = 8;

/// "CIO Ben Okafor, Chief Information Officer, reports to CEO; 2
/// responsibilities: information security (A, conflict), cloud (R); 3
/// direct reports, 12 in all" (a leader whose card shows no role badge,
/// "Other", by name alone). `None` for an id not in the chart.
pub fn card_description(
    chart: &OrgChart,
    marks: &Marks,
    headcount: &Headcount,
    id: &LeaderId,
) -> Option<String> {
    let leader = chart.leader(id)?;
    let badge = leader.role.badge();
    let name = visible(&leader.name);
    // What the card shows: the role's badge, but for "Other" (no badge).
    let mut out = if !leader.role.on_card() || name.eq_ignore_ascii_case(badge) {
        name.into_owned()
    } else {
        format!("{badge} {name}")
    };
    if !leader.title.is_empty() {
        let _ = write!(out, ", {}", visible(&leader.title));
    }
    match chart.manager_of(id).and_then(|m| chart.leader(m)) {
        Some(m) => {
            let _ = write!(out, ", reports to {}", visible(&m.name));
        }
        None => out.push_str(", reports to nobody"),
    }
    spoken_responsibilities(&mut out, &leader.responsibilities, marks);
    let (direct, under) = (headcount.direct(id), headcount.under(id));
    if direct > 0 {
        let _ = write!(
            out,
            "; {} direct {}, {} in all",
            thousands(direct),
            if direct == 1 { "report" } else { "reports" },
            thousands(under)
        );
        if leader.collapsed {
            out.push_str(", folded away");
        }
    }
    Some(out)
}

/// "; 2 responsibilities: information security (A, conflict), cloud (R)".
fn spoken_responsibilities(out: &mut String, held: &[Assignment], marks: &Marks) {
    let _ = write!(
        out,
        "; {} {}",
        thousands(held.len()),
        if held.len() == 1 {
            "responsibility"
        } else {
            "responsibilities"
        }
    );
    for (i, a) in held.iter().take(SPOKEN_RESPONSIBILITIES).enumerate() {
        out.push_str(if i == 0 { ": " } else { ", " });
        let grade = marks
            .grade(&a.phrase)
            .map_or(String::new(), |g| format!(", {}", g.word()));
        let _ = write!(out, "{} ({}{grade})", visible(&a.phrase), a.raci.letter());
    }
    if held.len() > SPOKEN_RESPONSIBILITIES {
        let _ = write!(
            out,
            ", and {} more",
            thousands(held.len() - SPOKEN_RESPONSIBILITIES)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis;
    use crate::core::presets;

    #[test]
    fn a_card_is_described_in_full() {
        let model = presets::model("peers").unwrap();
        let chart = &model.chart;
        let marks = Marks::of(&analysis::findings(chart));
        let headcount = Headcount::of(chart);
        let ciso = chart
            .leaders()
            .find(|l| l.role == crate::core::model::Role::Ciso)
            .unwrap();
        let said = card_description(chart, &marks, &headcount, &ciso.id).unwrap();
        assert!(said.starts_with("CISO, "), "{said}");
        assert!(said.contains(", reports to "), "{said}");
        assert!(said.contains("information security (R, shared)"), "{said}");
        let ceo = chart.roots()[0].clone();
        let said = card_description(chart, &marks, &headcount, &ceo).unwrap();
        assert!(said.contains("reports to nobody"), "{said}");
        assert!(said.contains(" direct reports, "), "{said}");
        // A card with no role badge is spoken as it shows: by name.
        let mut other = chart.clone();
        let mut leader = other.leader(&ciso.id).unwrap().clone();
        leader.role = crate::core::model::Role::Other;
        leader.name = "Dana Diaz".into();
        other.update_leader(leader).unwrap();
        let said = card_description(&other, &marks, &headcount, &ciso.id).unwrap();
        assert!(said.starts_with("Dana Diaz, "), "{said}");
        assert_eq!(
            card_description(chart, &marks, &headcount, &LeaderId::new("nobody")),
            None
        );
    }
}
