//! Tests of the editor: undo, refusals, coalescing, pins, models.
use super::*;
use crate::core::model::Role;
use crate::core::model::{Assignment, Raci};
use emath::pos2;

fn m() -> ModelId {
    ModelId::new("m")
}

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
    let original = e.model(&m()).unwrap().chart.clone();
    assert!(!e.is_dirty());
    e.apply(
        &m(),
        Edit::SetManager {
            report: id("cto"),
            manager: Some(id("cio")),
        },
    )
    .unwrap();
    assert!(e.is_dirty());
    let moved = e.model(&m()).unwrap().chart.clone();
    assert!(e.undo(&m()).is_some());
    assert_eq!(e.model(&m()).unwrap().chart, original);
    assert!(e.redo(&m()).is_some());
    assert_eq!(e.model(&m()).unwrap().chart, moved);
    assert!(e.redo(&m()).is_none());
}

#[test]
fn a_refused_edit_changes_nothing_and_records_nothing() {
    let mut e = editor();
    let id = LeaderId::new;
    let err = e
        .apply(
            &m(),
            Edit::SetManager {
                report: id("ceo"),
                manager: Some(id("cto")),
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("CTO already reports to CEO"));
    assert!(!e.is_dirty());
    assert!(!e.can_undo(&m()));
}

#[test]
fn typing_a_name_is_one_undo_step() {
    let mut e = editor();
    let id = LeaderId::new;
    for name in ["C", "Ch", "Chi"] {
        let mut l = e
            .model(&m())
            .unwrap()
            .chart
            .leader(&id("cto"))
            .unwrap()
            .clone();
        l.name = name.into();
        e.apply(&m(), Edit::UpdateLeader(l)).unwrap();
    }
    e.apply(
        &m(),
        Edit::MoveCard {
            id: id("cto"),
            to: Some(pos2(1.0, 2.0)),
        },
    )
    .unwrap();
    assert!(e.undo(&m()).is_some());
    assert_eq!(
        e.model(&m())
            .unwrap()
            .chart
            .leader(&id("cto"))
            .unwrap()
            .name,
        "Chi"
    );
    assert!(e.undo(&m()).is_some());
    assert_eq!(
        e.model(&m())
            .unwrap()
            .chart
            .leader(&id("cto"))
            .unwrap()
            .name,
        "CTO"
    );
    assert!(e.undo(&m()).is_none());
}

#[test]
fn reparenting_unpins_the_card() {
    let mut e = editor();
    let id = LeaderId::new;
    e.apply(
        &m(),
        Edit::MoveCard {
            id: id("cto"),
            to: Some(pos2(500.0, 500.0)),
        },
    )
    .unwrap();
    e.apply(
        &m(),
        Edit::SetManager {
            report: id("cto"),
            manager: Some(id("cio")),
        },
    )
    .unwrap();
    assert_eq!(
        e.model(&m())
            .unwrap()
            .chart
            .leader(&id("cto"))
            .unwrap()
            .pinned,
        None
    );
}

#[test]
fn the_last_model_cannot_be_removed() {
    let mut e = editor();
    let err = e
        .apply_document(DocumentEdit::RemoveModel(m()))
        .unwrap_err();
    assert_eq!(err.to_string(), "a workspace keeps at least one model");
    let copy = Model {
        id: "copy".into(),
        ..e.model(&m()).unwrap().clone()
    };
    e.apply_document(DocumentEdit::AddModel {
        model: Box::new(copy),
        at: 9,
    })
    .unwrap();
    assert_eq!(e.workspace().models[1].id, "copy", "added at the end");
    e.apply_document(DocumentEdit::RemoveModel("copy".into()))
        .unwrap();
    assert_eq!(e.workspace().models.len(), 1);
}

#[test]
fn set_letter_changes_adds_and_removes_a_responsibility() {
    let mut e = editor();
    let id = LeaderId::new;
    let phrases = |e: &Editor| {
        e.model(&m())
            .unwrap()
            .chart
            .leader(&id("cio"))
            .unwrap()
            .responsibilities
            .clone()
    };
    let set = |e: &mut Editor, phrase: &str, letter| {
        e.apply(
            &m(),
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
    assert!(e.undo(&m()).is_some());
    assert_eq!(phrases(&e).len(), 1, "each change is an undo step");
    let err = e
        .apply(
            &m(),
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
        e.apply(&m(), Edit::MoveCard { id: id("cto"), to }).unwrap();
    }
    let mut undone = 0;
    while e.undo(&m()).is_some() {
        undone += 1;
    }
    assert_eq!(undone, UNDO_DEPTH, "the oldest steps were dropped");
    let pinned = e
        .model(&m())
        .unwrap()
        .chart
        .leader(&id("cto"))
        .unwrap()
        .pinned;
    assert_eq!(
        pinned,
        Some(pos2((extra - 1) as f32, 0.0)),
        "the oldest kept state is the one after the dropped steps"
    );
}

fn two_models() -> Editor {
    let mut e = editor();
    let second = Model {
        id: "second".into(),
        title: "Second".into(),
        ..e.model(&m()).unwrap().clone()
    };
    e.apply_document(DocumentEdit::AddModel {
        model: Box::new(second),
        at: 1,
    })
    .unwrap();
    e.apply_document(DocumentEdit::AddScene {
        scene: Box::new(Scene::of_model("second".into())),
        at: 0,
    })
    .unwrap();
    e
}

#[test]
fn a_deleted_model_comes_back_with_its_chart_scenes_and_history() {
    let mut e = two_models();
    let second = ModelId::new("second");
    let id = LeaderId::new;
    e.apply(
        &second,
        Edit::SetManager {
            report: id("cto"),
            manager: Some(id("cio")),
        },
    )
    .unwrap();
    let before = e.workspace().clone();
    e.apply_document(DocumentEdit::RemoveModel(second.clone()))
        .unwrap();
    assert!(e.model(&second).is_none());
    assert!(
        e.workspace().storyboard.is_empty(),
        "its scene went with it"
    );
    // Undo from the other model brings it back: the delete is the latest step.
    assert_eq!(e.undo(&m()), Some(Undone::Document(Some(second.clone()))));
    assert_eq!(*e.workspace(), before, "back in its place, scene and all");
    // Its own history came back too.
    assert_eq!(e.undo(&second), Some(Undone::Chart(second.clone())));
    assert_eq!(
        e.model(&second).unwrap().chart.manager_of(&id("cto")),
        Some(&id("ceo"))
    );
    // Redo twice: the move, then the delete.
    assert_eq!(e.redo(&second), Some(Undone::Chart(second.clone())));
    assert_eq!(e.redo(&m()), Some(Undone::Document(None)));
    assert!(e.model(&second).is_none());
}

#[test]
fn undo_takes_the_latest_step_of_the_shown_model_or_the_document() {
    let mut e = two_models();
    let id = LeaderId::new;
    e.apply_document(DocumentEdit::RenameModel {
        id: m(),
        title: "Renamed".into(),
    })
    .unwrap();
    e.apply(&m(), Edit::RemoveLeader(id("cto"))).unwrap();
    assert_eq!(
        e.undo(&m()),
        Some(Undone::Chart(m())),
        "the chart edit came last"
    );
    assert!(e.model(&m()).unwrap().chart.contains(&id("cto")));
    assert_eq!(e.model(&m()).unwrap().title, "Renamed");
    assert_eq!(e.undo(&m()), Some(Undone::Document(None)));
    assert_eq!(e.model(&m()).unwrap().title, "M");
    // Redo in the order undone: the rename first, then the chart edit.
    assert_eq!(e.redo(&m()), Some(Undone::Document(None)));
    assert_eq!(e.model(&m()).unwrap().title, "Renamed");
    assert!(e.model(&m()).unwrap().chart.contains(&id("cto")));
    assert_eq!(e.redo(&m()), Some(Undone::Chart(m())));
    assert!(!e.model(&m()).unwrap().chart.contains(&id("cto")));
}

#[test]
fn every_document_edit_undoes_and_redoes() {
    let edits = [
        DocumentEdit::RenameModel {
            id: m(),
            title: "New title".into(),
        },
        DocumentEdit::DescribeModel {
            id: m(),
            description: "Why".into(),
        },
        DocumentEdit::MoveModel {
            id: "second".into(),
            to: 0,
        },
        DocumentEdit::AddScene {
            scene: Box::new(Scene::of_model(m())),
            at: 0,
        },
        DocumentEdit::RemoveScene(0),
        DocumentEdit::SceneWords {
            index: 0,
            caption: "Look".into(),
            notes: "Say".into(),
        },
        DocumentEdit::PackDetails(PackInfo {
            title: "Board".into(),
            ..PackInfo::default()
        }),
    ];
    for edit in edits {
        let mut e = two_models();
        let before = e.workspace().clone();
        let revision = e.chart_revision(&m());
        e.apply_document(edit.clone()).unwrap();
        let after = e.workspace().clone();
        assert_ne!(after, before, "{edit:?} changed the document");
        assert!(e.is_dirty());
        assert_eq!(
            e.chart_revision(&m()),
            revision,
            "{edit:?} left the chart be"
        );
        assert!(e.undo(&m()).is_some());
        assert_eq!(*e.workspace(), before, "{edit:?} undone");
        assert!(e.redo(&m()).is_some());
        assert_eq!(*e.workspace(), after, "{edit:?} redone");
    }
}

#[test]
fn typing_a_caption_is_one_step_and_leaves_the_charts_be() {
    let mut e = two_models();
    let revisions = (e.chart_revision(&m()), e.chart_revision(&"second".into()));
    let mut caption = String::new();
    for c in "Who owns security?".chars() {
        caption.push(c);
        e.apply_document(DocumentEdit::SceneWords {
            index: 0,
            caption: caption.clone(),
            notes: String::new(),
        })
        .unwrap();
    }
    assert_eq!(
        (e.chart_revision(&m()), e.chart_revision(&"second".into())),
        revisions
    );
    assert!(e.undo(&m()).is_some());
    assert_eq!(
        e.workspace().storyboard[0].caption,
        "",
        "one step undoes it all"
    );
}

#[test]
fn refused_document_edits_say_why_and_change_nothing() {
    let mut e = two_models();
    let before = e.workspace().clone();
    let cases = [
        (
            DocumentEdit::RemoveModel("nope".into()),
            "there is no model with id \"nope\"",
        ),
        (
            DocumentEdit::RemoveScene(4),
            "the storyboard has no scene 5",
        ),
        (
            DocumentEdit::AddModel {
                model: Box::new(e.model(&m()).unwrap().clone()),
                at: 0,
            },
            "two models have the id \"m\"",
        ),
    ];
    for (edit, said) in cases {
        assert_eq!(e.apply_document(edit).unwrap_err().to_string(), said);
    }
    assert_eq!(*e.workspace(), before);
}

mod undo_properties {
    use super::*;
    use proptest::prelude::*;

    /// A chart edit on the leaders of [`editor`] plus two more, by number.
    fn edit(kind: u8, a: usize, b: usize) -> Edit {
        let names = ["ceo", "cio", "cto", "ciso", "cdo"];
        let id = |i: usize| LeaderId::new(names[i % names.len()]);
        match kind % 9 {
            0 => Edit::SetManager {
                report: id(a),
                manager: Some(id(b)),
            },
            1 => Edit::AddDotted {
                manager: id(a),
                report: id(b),
            },
            2 => Edit::RemoveLeader(id(a)),
            3 => Edit::AddLeader {
                leader: Leader::new(names[a % names.len()], Role::Other, "New"),
                manager: Some(id(b)),
            },
            4 => Edit::MoveCard {
                id: id(a),
                to: Some(pos2(a as f32, b as f32)),
            },
            5 => Edit::SetCollapsed {
                id: id(a),
                collapsed: b.is_multiple_of(2),
            },
            6 => Edit::CollapseToLevel(b % 3 + 1),
            7 => Edit::SetLetter {
                leader: id(a),
                phrase: ["security", "cloud"][b % 2].into(),
                letter: Some(Raci::Accountable),
            },
            _ => Edit::AutoLayout,
        }
    }

    proptest! {
        /// Undoing every step gives back the chart as it was (sibling order
        /// included), and redoing every step the chart as it became.
        #[test]
        fn undo_all_then_redo_all(steps in prop::collection::vec((0u8..9, 0usize..5, 0usize..5), 1..30)) {
            let mut e = editor();
            let start = e.model(&m()).unwrap().chart.clone();
            for (kind, a, b) in steps {
                let _ = e.apply(&m(), edit(kind, a, b));
            }
            let end = e.model(&m()).unwrap().chart.clone();
            while e.undo(&m()).is_some() {}
            let back = &e.model(&m()).unwrap().chart;
            prop_assert_eq!(back, &start);
            prop_assert_eq!(
                back.leaders().map(|l| l.id.clone()).collect::<Vec<_>>(),
                start.leaders().map(|l| l.id.clone()).collect::<Vec<_>>()
            );
            while e.redo(&m()).is_some() {}
            prop_assert_eq!(&e.model(&m()).unwrap().chart, &end);
        }
    }
}
