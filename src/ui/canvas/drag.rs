//! Drags on the canvas: a card, a line end or a connector, measured from
//! where they started; what a drop turns into (an edit); and what a drag
//! shows meanwhile (the drop target, the rubber band).

use egui::{Pos2, Rect, Vec2};

use super::{CanvasEvent, CanvasState};
use crate::core::draw::hit::{Handle, HandleKind};
use crate::core::facts::Facts;
use crate::core::layout::Layout;
use crate::core::model::{LeaderId, OrgChart};
use crate::core::workspace::Edit;

/// A drag in progress, with everything in chart space measured from where
/// it started (never summed from per-frame deltas).
#[derive(Clone, Debug)]
pub(super) enum Drag {
    /// A card follows the pointer; `grab` is the pointer's offset from the
    /// card's top-left corner.
    Card { id: LeaderId, grab: Vec2 },
    /// The report end of a direct line is being moved to another manager.
    LineEnd { report: LeaderId },
    /// A new line is being drawn from a card's connector.
    Connector { from: LeaderId, dotted: bool },
}

/// The dragged card's layout index and rectangle at the pointer.
pub(super) fn dragged_rect(state: &CanvasState, layout: &Layout) -> Option<(usize, Rect)> {
    let (Some(Drag::Card { id, grab }), Some(p)) = (&state.drag, state.last_pointer) else {
        return None;
    };
    let i = layout.index_of(id)?;
    let at = state.screen_from_chart.inverse() * p - *grab;
    Some((i, Rect::from_min_size(at, layout.rects[i].size())))
}

pub(super) fn drag_from(handle: Handle, id: LeaderId, dotted: bool) -> Drag {
    match handle.kind {
        HandleKind::LineEnd => Drag::LineEnd { report: id },
        HandleKind::Connector => Drag::Connector { from: id, dotted },
    }
}

/// The line being drawn by a line-end or connector drag, in screen space.
pub(super) fn rubber_band(
    state: &CanvasState,
    chart: &OrgChart,
    facts: &Facts,
) -> Option<(Pos2, Pos2, bool)> {
    let to = state.last_pointer?;
    let layout = &facts.layout;
    let (from, dotted) = match state.drag.as_ref()? {
        Drag::LineEnd { report } => (layout.rect_of(chart.manager_of(report)?)?, false),
        Drag::Connector { from, dotted } => (layout.rect_of(from)?, *dotted),
        Drag::Card { .. } => return None,
    };
    Some((state.screen_from_chart * from.center_bottom(), to, dotted))
}

/// The card under the pointer that the current drag would land on.
pub(super) fn drop_target(state: &CanvasState, facts: &Facts) -> Option<usize> {
    let drag = state.drag.as_ref()?;
    let at = state.screen_from_chart.inverse() * state.last_pointer?;
    let source = match drag {
        Drag::Card { id, .. } => id,
        Drag::LineEnd { report } => report,
        Drag::Connector { from, .. } => from,
    };
    let layout = &facts.layout;
    facts.index.card_at(layout, at, layout.index_of(source))
}

/// Where a drag becomes an edit: a card or line end dropped on a card
/// reparents; a connector dropped on a card adds a line; a card dropped on
/// empty space is pinned there.
pub(super) fn finish_drag(
    state: &mut CanvasState,
    chart: &OrgChart,
    facts: &Facts,
    events: &mut Vec<CanvasEvent>,
) {
    let layout = &facts.layout;
    let target = drop_target(state, facts).map(|i| layout.ids[i].clone());
    let Some(drag) = state.drag.take() else {
        return;
    };
    let pointer = state.last_pointer.take();
    let edit = match (drag, target) {
        (Drag::Card { id, .. } | Drag::LineEnd { report: id }, Some(manager)) => {
            (chart.manager_of(&id) != Some(&manager)).then_some(Edit::SetManager {
                report: id,
                manager: Some(manager),
            })
        }
        (Drag::Card { id, grab }, None) => pointer.and_then(|p| {
            let to = state.screen_from_chart.inverse() * p - grab;
            let from = layout.rect_of(&id)?.min;
            // A press that barely moved is a click, not a move.
            ((to - from).length() * state.zoom() > 2.0)
                .then_some(Edit::MoveCard { id, to: Some(to) })
        }),
        (Drag::Connector { from, dotted: true }, Some(to)) => Some(Edit::AddDotted {
            manager: from,
            report: to,
        }),
        (
            Drag::Connector {
                from,
                dotted: false,
            },
            Some(to),
        ) => Some(Edit::SetManager {
            report: to,
            manager: Some(from),
        }),
        (Drag::LineEnd { .. } | Drag::Connector { .. }, None) => None,
    };
    events.extend(edit.map(CanvasEvent::Edit));
}
