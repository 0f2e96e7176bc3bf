//! Tests of the editor: undo, refusals, coalescing, pins, models.
use super::*;
use crate::core::model::Role;
use crate::core::model::{Assignment, Raci};
use emath::pos2;

fn editor() -> Editor {
    let mut chart = OrgChart::new();
    chart
        .add_leader(Leader::new("ceo", Role::Ceo, "CEO"))
        .unwrap();
    chart
        .add_leader(Leader::new("cio", Role::Cio, "CIO"))
        .unwrap();
    chart
        .add_leader(Leader::new("cto", Role::Cto, "CTO"))
        .unwrap();
    let id = LeaderId::new;
    chart.add_direct(&id("ceo"), &id("cio")).unwrap();
    chart.add_direct(&id("ceo"), &id("cto")).unwrap();
    Editor::new(Workspace::new(vec![Model {
        id: "m".into(),
        title: "M".into(),
        description: String::new(),
        preset: None,
        chart,
    }]))
}

#[test]
fn edits_mark_dirty_and_undo_redo() {
    let mut e = editor();
    let id = LeaderId::new;
    let original = e.model(0).unwrap().chart.clone();
    assert!(!e.is_dirty());
    e.apply(
        0,
        Edit::SetManager {
            report: id("cto"),
            manager: Some(id("cio")),
        },
    )
    .unwrap();
    assert!(e.is_dirty());
    let moved = e.model(0).unwrap().chart.clone();
    assert!(e.undo(0));
    assert_eq!(e.model(0).unwrap().chart, original);
    assert!(e.redo(0));
    assert_eq!(e.model(0).unwrap().chart, moved);
    assert!(!e.redo(0));
}

#[test]
fn a_refused_edit_changes_nothing_and_records_nothing() {
    let mut e = editor();
    let id = LeaderId::new;
    let err = e
        .apply(
            0,
            Edit::SetManager {
                report: id("ceo"),
                manager: Some(id("cto")),
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("CTO already reports to CEO"));
    assert!(!e.is_dirty());
    assert!(!e.can_undo(0));
}

#[test]
fn typing_a_name_is_one_undo_step() {
    let mut e = editor();
    let id = LeaderId::new;
    for name in ["C", "Ch", "Chi"] {
        let mut l = e
            .model(0)
            .unwrap()
            .chart
            .leader(&id("cto"))
            .unwrap()
            .clone();
        l.name = name.into();
        e.apply(0, Edit::UpdateLeader(l)).unwrap();
    }
    e.apply(
        0,
        Edit::MoveCard {
            id: id("cto"),
            to: Some(pos2(1.0, 2.0)),
        },
    )
    .unwrap();
    assert!(e.undo(0));
    assert_eq!(
        e.model(0).unwrap().chart.leader(&id("cto")).unwrap().name,
        "Chi"
    );
    assert!(e.undo(0));
    assert_eq!(
        e.model(0).unwrap().chart.leader(&id("cto")).unwrap().name,
        "CTO"
    );
    assert!(!e.undo(0));
}

#[test]
fn reparenting_unpins_the_card() {
    let mut e = editor();
    let id = LeaderId::new;
    e.apply(
        0,
        Edit::MoveCard {
            id: id("cto"),
            to: Some(pos2(500.0, 500.0)),
        },
    )
    .unwrap();
    e.apply(
        0,
        Edit::SetManager {
            report: id("cto"),
            manager: Some(id("cio")),
        },
    )
    .unwrap();
    assert_eq!(
        e.model(0).unwrap().chart.leader(&id("cto")).unwrap().pinned,
        None
    );
}

#[test]
fn the_last_model_cannot_be_removed() {
    let mut e = editor();
    assert!(e.remove_model(0).is_none());
    let copy = e.model(0).unwrap().clone();
    let i = e.add_model(copy);
    assert_eq!(i, 1);
    assert!(e.remove_model(1).is_some());
}

#[test]
fn set_letter_changes_adds_and_removes_a_responsibility() {
    let mut e = editor();
    let id = LeaderId::new;
    let phrases = |e: &Editor| {
        e.model(0)
            .unwrap()
            .chart
            .leader(&id("cio"))
            .unwrap()
            .responsibilities
            .clone()
    };
    let set = |e: &mut Editor, phrase: &str, letter| {
        e.apply(
            0,
            Edit::SetLetter {
                leader: id("cio"),
                phrase: phrase.into(),
                letter,
            },
        )
        .unwrap();
    };
    set(&mut e, " IT operations ", Some(Raci::Accountable));
    assert_eq!(phrases(&e), [Assignment::accountable("IT operations")]);
    set(&mut e, "it  OPERATIONS", Some(Raci::Consulted));
    assert_eq!(
        phrases(&e),
        [Assignment::new("IT operations", Raci::Consulted)],
        "same key: letter changed, spelling kept"
    );
    set(&mut e, "it operations", None);
    assert!(phrases(&e).is_empty());
    assert!(e.undo(0));
    assert_eq!(phrases(&e).len(), 1, "each change is an undo step");
    let err = e
        .apply(
            0,
            Edit::SetLetter {
                leader: id("nobody"),
                phrase: "x".into(),
                letter: Some(Raci::Informed),
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("nobody"), "{err}");
}

#[test]
fn undo_keeps_the_last_undo_depth_steps() {
    let mut e = editor();
    let id = LeaderId::new;
    let extra = 5;
    for i in 0..UNDO_DEPTH + extra {
        let to = Some(pos2(i as f32, 0.0));
        e.apply(0, Edit::MoveCard { id: id("cto"), to }).unwrap();
    }
    let mut undone = 0;
    while e.undo(0) {
        undone += 1;
    }
    assert_eq!(undone, UNDO_DEPTH, "the oldest steps were dropped");
    let pinned = e.model(0).unwrap().chart.leader(&id("cto")).unwrap().pinned;
    assert_eq!(
        pinned,
        Some(pos2((extra - 1) as f32, 0.0)),
        "the oldest kept state is the one after the dropped steps"
    );
}
