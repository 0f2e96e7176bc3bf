//! Trying a leadership model on a real organisation. A [`Casting`] says
//! who of the organisation plays each of the target model's leaders (or
//! that the post is to be hired); [`apply`] makes the scenario: each cast
//! person reports to whoever is cast as their target manager and takes the
//! target leader's role and responsibilities (or keeps their own); a post
//! to be hired is an open position; everyone else keeps their manager, so
//! teams move with their leaders. The baseline is not touched. Linear in
//! the organisation's people.

use std::collections::BTreeMap;
use std::fmt::Write as _;

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
    let unmatched = unmatched(baseline, target, casting);
    // What the scenario is of, the link says (and the panel shows); the
    // description says how it was made, and who stayed put.
    let mut description = "Each cast leader took their part and moved with their team; \
                           everyone else kept their manager. The baseline is unchanged."
        .to_owned();
    if !unmatched.is_empty() {
        let _ = write!(
            description,
            " Staying where they are, their role not in {}: {}.",
            target.short_title(),
            unmatched.join(", ")
        );
    }
    let model = Model {
        id,
        description,
        title,
        preset: None,
        chart,
    };
    Ok(Applied {
        model,
        uncast,
        hired: cast.hired,
        unmatched,
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
mod tests;
