//! Trying a leadership model on a real organisation. A [`Casting`] says
//! who of the organisation plays each of the target model's leaders (or
//! that the post is to be hired); [`apply`] makes the scenario: each cast
//! person reports to whoever is cast as their target manager and takes the
//! target leader's role and responsibilities (or keeps their own); a post
//! to be hired is an open position; everyone else keeps their manager, so
//! teams move with their leaders. The baseline is not touched. Linear in
//! the organisation's people.

use std::collections::BTreeMap;

use crate::core::fast::HashMap;
use crate::core::model::{ChartError, Leader, LeaderId, OrgChart};
use crate::core::workspace::{Model, ModelId};

/// Who plays one of the target's leaders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cast {
    /// A person of the organisation (by id).
    Person(LeaderId),
    /// Nobody yet: an open position.
    Hire,
}

/// The choices of a scenario.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Casting {
    /// By the target's leader id.
    pub cast: BTreeMap<LeaderId, Cast>,
    /// Cast people keep their own responsibilities instead of taking the
    /// target leader's.
    pub keep_responsibilities: bool,
}

/// Why a casting cannot be applied, in the user's words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    /// The target has no such leader.
    #[error("{target} has no leader \"{leader}\"")]
    UnknownTargetLeader {
        /// The target model's title.
        target: String,
        /// The id asked for.
        leader: String,
    },
    /// The organisation has no such person.
    #[error("{organisation} has nobody with the id \"{person}\"")]
    UnknownPerson {
        /// The organisation's title.
        organisation: String,
        /// The id asked for.
        person: String,
    },
    /// One person cast twice.
    #[error("{person} is cast as both {first} and {second}: one person plays one part")]
    CastTwice {
        /// Their name.
        person: String,
        /// The first part.
        first: String,
        /// The second.
        second: String,
    },
    /// Someone would report to themselves (as dragging says it).
    #[error(transparent)]
    Loop(ChartError),
}

/// A scenario made.
#[derive(Clone, Debug)]
pub struct Applied {
    /// The new model.
    pub model: Model,
    /// The target's leaders nobody plays (not hired either), by name.
    pub uncast: Vec<String>,
    /// Open positions created.
    pub hired: usize,
    /// The organisation's leaders in a role the target does not have (a
    /// CDO when the target has none): they stay where they are. By name
    /// and role, e.g. "Jane Roe (CDO)".
    pub unmatched: Vec<String>,
}

/// The nearest leader above `leader` in the target who is cast, if any.
fn cast_above(
    target: &OrgChart,
    leader: &LeaderId,
    plays: &HashMap<&LeaderId, LeaderId>,
) -> Option<LeaderId> {
    let mut at = target.manager_of(leader);
    while let Some(m) = at {
        if let Some(person) = plays.get(m) {
            return Some(person.clone());
        }
        at = target.manager_of(m);
    }
    None
}

/// Makes the scenario of `baseline` as `target` with `casting`, as a new
/// model `id`. Refuses an unknown leader or person, a person cast twice,
/// and a casting that would make someone report to themselves.
pub fn apply(
    baseline: &Model,
    target: &Model,
    casting: &Casting,
    id: ModelId,
) -> Result<Applied, ScenarioError> {
    let mut chart = baseline.chart.clone();
    let cast = cast_people(&mut chart, baseline, target, casting)?;
    // Each cast person (and open post) under whoever plays their target
    // manager; the new lines all at once, then one check for loops.
    let mut moves: Vec<(LeaderId, Option<LeaderId>)> = Vec::new();
    for (part, person) in &cast.plays {
        let above = cast_above(&target.chart, part, &cast.plays);
        let keeps = above.is_none() && !matches!(casting.cast.get(*part), Some(Cast::Hire));
        if !keeps {
            moves.push((person.clone(), above));
        }
    }
    move_all(&mut chart, &moves)?;
    take_parts(&mut chart, &cast.cast_as, casting.keep_responsibilities);
    let uncast = target
        .chart
        .leaders()
        .filter(|l| !casting.cast.contains_key(&l.id))
        .map(|l| l.card_name().to_owned())
        .collect();
    let title = format!("{} as {}", baseline.short_title(), target.short_title());
    let model = Model {
        id,
        // What the scenario is of, the link says (and the panel shows);
        // the description says how it was made.
        description: "Each cast leader took their part and moved with their team; \
                      everyone else kept their manager. The baseline is unchanged."
            .to_owned(),
        title,
        preset: None,
        chart,
    };
    Ok(Applied {
        model,
        uncast,
        hired: cast.hired,
        unmatched: unmatched(baseline, target, casting),
    })
}

/// The organisation's chiefs (not VPs or others) whose role the target
/// has no part for, and who are not cast.
fn unmatched(baseline: &Model, target: &Model, casting: &Casting) -> Vec<String> {
    use crate::core::model::Role;
    let cast: std::collections::HashSet<&LeaderId> = casting
        .cast
        .values()
        .filter_map(|c| match c {
            Cast::Person(id) => Some(id),
            Cast::Hire => None,
        })
        .collect();
    baseline
        .chart
        .leaders()
        .filter(|l| !matches!(l.role, Role::Vp | Role::Other) && !l.open)
        .filter(|l| !cast.contains(&l.id))
        .filter(|l| !target.chart.leaders().any(|part| part.role == l.role))
        .map(|l| format!("{} ({})", l.name, l.role.badge()))
        .collect()
}

/// Who plays which part, once the open posts are made.
struct Parts<'t> {
    /// By the target's leader: the person (or open post) playing it.
    plays: HashMap<&'t LeaderId, LeaderId>,
    /// By person: the part they play.
    cast_as: HashMap<LeaderId, &'t Leader>,
    /// Open posts made.
    hired: usize,
}

/// Checks each cast and makes the open posts in `chart`.
fn cast_people<'t>(
    chart: &mut OrgChart,
    baseline: &Model,
    target: &'t Model,
    casting: &'t Casting,
) -> Result<Parts<'t>, ScenarioError> {
    let mut out = Parts {
        plays: HashMap::default(),
        cast_as: HashMap::default(),
        hired: 0,
    };
    for (part, cast) in &casting.cast {
        let Some(role) = target.chart.leader(part) else {
            return Err(ScenarioError::UnknownTargetLeader {
                target: target.title.clone(),
                leader: part.to_string(),
            });
        };
        let person = match cast {
            Cast::Person(person) => {
                let Some(someone) = chart.leader(person) else {
                    return Err(ScenarioError::UnknownPerson {
                        organisation: baseline.title.clone(),
                        person: person.to_string(),
                    });
                };
                if let Some(first) = out.cast_as.get(person) {
                    return Err(ScenarioError::CastTwice {
                        person: someone.name.clone(),
                        first: first.card_name().to_owned(),
                        second: role.card_name().to_owned(),
                    });
                }
                person.clone()
            }
            Cast::Hire => {
                let open = chart.fresh_id(&format!("open-{part}"));
                let mut post = Leader::new(open.as_str(), role.role, role.name.clone())
                    .with_title(role.title.clone());
                post.open = true;
                chart
                    .add_leader(post)
                    .unwrap_or_else(|e| unreachable!("a fresh id: {e}"));
                out.hired += 1;
                open
            }
        };
        out.cast_as.insert(person.clone(), role);
        out.plays.insert(part, person);
    }
    Ok(out)
}

/// Each cast person takes their part's role and (unless they keep their
/// own) its responsibilities with their letters.
fn take_parts(chart: &mut OrgChart, cast_as: &HashMap<LeaderId, &Leader>, keep_own: bool) {
    for (person, role) in cast_as {
        if let Some(mut leader) = chart.leader(person).cloned() {
            leader.role = role.role;
            if !keep_own {
                leader.responsibilities.clone_from(&role.responsibilities);
            }
            chart
                .update_leader(leader)
                .unwrap_or_else(|e| unreachable!("the leader is there: {e}"));
        }
    }
}

/// Sets each moved person's manager, refusing (with dragging's sentence)
/// a set of moves that closes a loop, whatever their order.
fn move_all(
    chart: &mut OrgChart,
    moves: &[(LeaderId, Option<LeaderId>)],
) -> Result<(), ScenarioError> {
    // First every moved person to the top, so that no move is refused
    // for a line another move removes; then each under their new manager.
    for (person, _) in moves {
        chart
            .set_manager(person, None)
            .map_err(ScenarioError::Loop)?;
    }
    for (person, manager) in moves {
        if let Some(manager) = manager {
            chart
                .set_manager(person, Some(manager))
                .map_err(ScenarioError::Loop)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Role;
    use crate::core::presets;
    use proptest::prelude::*;

    /// A small organisation: a CEO, a CIO with a CTO and two engineers
    /// under the CTO, and a CFO.
    fn org() -> Model {
        let mut chart = OrgChart::new();
        for (id, role, name) in [
            ("p1", Role::Ceo, "Ann Chief"),
            ("p2", Role::Cio, "Bo Info"),
            ("p3", Role::Cto, "Cy Tech"),
            ("p4", Role::Other, "Di Dev"),
            ("p5", Role::Other, "Ed Dev"),
            ("p6", Role::Other, "Flo Finance"),
        ] {
            chart.add_leader(Leader::new(id, role, name)).unwrap();
        }
        for (report, manager) in [
            ("p2", "p1"),
            ("p3", "p2"),
            ("p4", "p3"),
            ("p5", "p3"),
            ("p6", "p1"),
        ] {
            chart
                .set_manager(&LeaderId::new(report), Some(&LeaderId::new(manager)))
                .unwrap();
        }
        Model {
            id: ModelId::new("our-org"),
            title: "Our org".into(),
            description: String::new(),
            preset: None,
            chart,
        }
    }

    fn casting(pairs: &[(&str, Cast)]) -> Casting {
        Casting {
            cast: pairs
                .iter()
                .map(|(part, cast)| (LeaderId::new(part), cast.clone()))
                .collect(),
            keep_responsibilities: false,
        }
    }

    fn manager(model: &Model, id: &str) -> Option<String> {
        model
            .chart
            .manager_of(&LeaderId::new(id))
            .map(ToString::to_string)
    }

    #[test]
    fn software_company_moves_the_cio_under_the_cto_with_their_teams() {
        let target = presets::model("software-company").unwrap();
        let cast = casting(&[
            ("ceo", Cast::Person(LeaderId::new("p1"))),
            ("cto", Cast::Person(LeaderId::new("p3"))),
            ("cio", Cast::Person(LeaderId::new("p2"))),
            ("ciso", Cast::Hire),
        ]);
        let baseline = org();
        let got = apply(&baseline, &target, &cast, ModelId::new("s")).unwrap();
        let m = &got.model;
        assert_eq!(m.title, "Our org as Software company");
        assert_eq!(
            manager(m, "p3").as_deref(),
            Some("p1"),
            "the CTO under the CEO"
        );
        assert_eq!(
            manager(m, "p2").as_deref(),
            Some("p3"),
            "the CIO under the CTO"
        );
        assert_eq!(
            manager(m, "p4").as_deref(),
            Some("p3"),
            "the team moves with its leader"
        );
        assert_eq!(manager(m, "p6").as_deref(), Some("p1"), "the CFO stays");
        assert_eq!(got.hired, 1);
        let open: Vec<&Leader> = m.chart.leaders().filter(|l| l.open).collect();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].role, Role::Ciso);
        // The target's CISO reports to the CTO in Software company.
        assert_eq!(
            manager(m, open[0].id.as_str()).as_deref(),
            Some("p3"),
            "the open CISO post under whoever plays the CTO"
        );
        let cto = m.chart.leader(&LeaderId::new("p3")).unwrap();
        let target_cto = target.chart.leader(&LeaderId::new("cto")).unwrap();
        assert_eq!(cto.responsibilities, target_cto.responsibilities);
        assert!(got.uncast.is_empty(), "{:?}", got.uncast);
        assert!(
            got.unmatched.is_empty(),
            "Software company has each of our chiefs"
        );
        assert_eq!(baseline.chart, org().chart, "the baseline is untouched");
    }

    #[test]
    fn uncast_parts_are_listed_and_bad_castings_refused_with_a_sentence() {
        let target = presets::model("software-company").unwrap();
        let got = apply(
            &org(),
            &target,
            &casting(&[("cto", Cast::Person(LeaderId::new("p3")))]),
            ModelId::new("s"),
        )
        .unwrap();
        assert_eq!(got.uncast.len(), target.chart.len() - 1);
        // Peers has no CFO-like chief, but our org's CEO and CIO are not
        // cast: they have parts, so they are not named as unmatched.
        assert!(got.unmatched.is_empty(), "{:?}", got.unmatched);
        assert_eq!(
            manager(&got.model, "p3").as_deref(),
            Some("p2"),
            "no cast manager: stays"
        );

        let refuse = |pairs: &[(&str, Cast)]| {
            apply(&org(), &target, &casting(pairs), ModelId::new("s"))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            refuse(&[("cfo", Cast::Hire)]),
            "Software company: CIO reports to CTO has no leader \"cfo\""
        );
        assert_eq!(
            refuse(&[("cto", Cast::Person(LeaderId::new("p9")))]),
            "Our org has nobody with the id \"p9\""
        );
        assert_eq!(
            refuse(&[
                ("cto", Cast::Person(LeaderId::new("p3"))),
                ("cio", Cast::Person(LeaderId::new("p3")))
            ]),
            "Cy Tech is cast as both CIO and CTO: one person plays one part"
        );
        // The CEO cast under one of their own engineers: a loop.
        assert_eq!(
            refuse(&[
                ("ceo", Cast::Person(LeaderId::new("p4"))),
                ("cto", Cast::Person(LeaderId::new("p1")))
            ]),
            "Di Dev already reports to Ann Chief through Cy Tech, Bo Info, so Ann Chief cannot report to Di Dev"
        );
    }

    #[test]
    fn chiefs_whose_role_the_target_lacks_stay_and_are_named() {
        let mut baseline = org();
        baseline
            .chart
            .add_leader(Leader::new("p7", Role::Cdo, "Dee Data"))
            .unwrap();
        baseline
            .chart
            .set_manager(&LeaderId::new("p7"), Some(&LeaderId::new("p1")))
            .unwrap();
        let target = presets::model("software-company").unwrap();
        let cast = casting(&[("cto", Cast::Person(LeaderId::new("p3")))]);
        let got = apply(&baseline, &target, &cast, ModelId::new("s")).unwrap();
        assert_eq!(got.unmatched, ["Dee Data (CDO)"]);
        assert_eq!(manager(&got.model, "p7").as_deref(), Some("p1"), "stays");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(100))]

        /// Whatever is cast: everyone of the baseline is in the scenario
        /// once, there is no loop, and everyone not cast keeps their manager.
        #[test]
        fn everyone_once_no_loops_and_the_uncast_keep_their_manager(
            picks in prop::collection::vec(0usize..8, 5),
        ) {
            let target = presets::model("software-company").unwrap();
            let baseline = org();
            let people: Vec<LeaderId> = baseline.chart.leaders().map(|l| l.id.clone()).collect();
            let parts: Vec<LeaderId> = target.chart.leaders().map(|l| l.id.clone()).collect();
            let mut cast = Casting::default();
            let mut used = std::collections::HashSet::new();
            for (part, pick) in parts.iter().zip(&picks) {
                match pick {
                    6 => { cast.cast.insert(part.clone(), Cast::Hire); }
                    7 => {}
                    p if used.insert(*p) => { cast.cast.insert(part.clone(), Cast::Person(people[*p].clone())); }
                    _ => {}
                }
            }
            let Ok(got) = apply(&baseline, &target, &cast, ModelId::new("s")) else {
                return Ok(());
            };
            let chart = &got.model.chart;
            prop_assert_eq!(chart.len(), baseline.chart.len() + got.hired);
            for person in &people {
                prop_assert!(chart.contains(person));
                prop_assert!(chart.chain_above(person).len() < chart.len(), "no loop");
                let was_cast = cast.cast.values().any(|c| *c == Cast::Person(person.clone()));
                if !was_cast {
                    prop_assert_eq!(chart.manager_of(person), baseline.chart.manager_of(person));
                }
            }
        }
    }
}
