//! The canvas's widgets: one per card in view (click, drag), the fold
//! controls, and the line-end and connector handles. Each is named for
//! screen readers and tests.

use egui::{Pos2, Rect, Sense, Ui, Vec2, WidgetInfo};

use super::drag::{Drag, drag_from};
use super::{CanvasEvent, CanvasState, CanvasView, FrameDetail, FrameGeometry, Selection};
use crate::core::draw::{self, Detail, Fold, card_description};
use crate::core::model::{Leader, LeaderId, Line, LineKind};
use crate::core::text::visible;
use crate::core::wording::{shown_name, thousands};
use crate::core::workspace::Edit;
use crate::ui::paint::HANDLE_RADIUS;

/// The widgets of a frame, lines first, then cards, fold controls and
/// handles: cards take input before the background, and handles before
/// cards (dragging a card never pans, a handle on a card's edge wins).
/// Returns the handles to draw.
#[expect(clippy::too_many_arguments, reason = "one frame's context")]
pub(super) fn interact_all(
    ui: &Ui,
    state: &mut CanvasState,
    view: &CanvasView<'_>,
    (viewport, area): (Rect, Rect),
    detail: FrameDetail,
    shown: &[usize],
    geometry: &mut FrameGeometry<'_>,
    events: &mut Vec<CanvasEvent>,
) -> Vec<(Pos2, bool)> {
    if detail == FrameDetail::Cards(Detail::Full) {
        interact_lines(ui, state, view, viewport, area, events);
    }
    let hovered = interact_cards(ui, state, view, viewport, shown, geometry, events);
    geometry.hovered = hovered;
    if view.editable && detail == FrameDetail::Cards(Detail::Full) {
        interact_folds(ui, state, view, shown, geometry, events);
    }
    if view.editable && detail != FrameDetail::Silhouette {
        interact_handles(ui, state, view, viewport, area, hovered)
    } else {
        Vec::new()
    }
}

/// The fold control a card shows: "+N" when collapsed; "−" on an editable
/// chart where the pointer or the selection is.
pub(super) fn fold_shown(
    view: &CanvasView<'_>,
    leader: &Leader,
    selected: bool,
    hovered: bool,
) -> Option<Fold> {
    let headcount = &view.facts.headcount;
    draw::fold_of(leader, headcount).or_else(|| {
        let reports = headcount.direct(&leader.id) > 0;
        (view.editable && reports && (selected || hovered)).then_some(Fold::Expanded)
    })
}

/// The fold controls of the cards in view: a click folds a leader's
/// reports away or shows them again.
fn interact_folds(
    ui: &Ui,
    state: &CanvasState,
    view: &CanvasView<'_>,
    shown: &[usize],
    geometry: &FrameGeometry<'_>,
    events: &mut Vec<CanvasEvent>,
) {
    let scope = ui.scope_id().with("canvas-fold");
    for &i in shown {
        let Some(leader) = view.facts.leader(view.chart, i) else {
            continue;
        };
        let selected = view.is_selected(&leader.id);
        let Some(fold) = fold_shown(view, leader, selected, geometry.hovered == Some(i)) else {
            continue;
        };
        let at = draw::fold_rect(geometry.rect(i), fold, view.theme.card_font);
        let resp = ui.interact(
            state.screen_from_chart * at,
            scope.with(leader.id.as_str()),
            Sense::click(),
        );
        let name = visible(&leader.name);
        let label = match fold {
            Fold::Collapsed(1) => format!("expand {name} (1 person)"),
            Fold::Collapsed(n) => format!("expand {name} ({} people)", thousands(n)),
            Fold::Expanded => format!("collapse {name}"),
        };
        resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
        if resp.clicked() {
            events.push(CanvasEvent::Edit(Edit::SetCollapsed {
                id: leader.id.clone(),
                collapsed: fold == Fold::Expanded,
            }));
        }
    }
}

/// The rest of what the card shows, for screen readers (worked out only
/// while one is listening).
/// The chart is a tree to assistive technology: each card a tree item with
/// its level, its place among its siblings, and whether it is folded.
fn describe_card(ui: &Ui, id: egui::Id, view: &CanvasView<'_>, leader: &LeaderId) {
    ui.ctx().accesskit_node_builder(id, |node| {
        let (chart, facts) = (view.chart, view.facts);
        if let Some(mut said) = card_description(chart, &facts.marks, &facts.headcount, leader) {
            // What changed, as the compare view's badges show it.
            if let Some(badges) = view.badges.and_then(|b| b.get(leader))
                && !badges.is_empty()
            {
                said.push_str("; changed: ");
                said.push_str(&badges.join(", "));
            }
            node.set_description(said);
        }
        node.set_role(egui::accesskit::Role::TreeItem);
        node.set_level(chart.chain_above(leader).len() + 1);
        let siblings = match chart.manager_of(leader) {
            Some(manager) => chart.reports_of(manager),
            None => chart.roots(),
        };
        if let Some(at) = siblings.iter().position(|s| *s == leader) {
            node.set_position_in_set(at + 1);
            node.set_size_of_set(siblings.len());
        }
        if facts.headcount.direct(leader) > 0 {
            node.set_expanded(!chart.leader(leader).is_some_and(|l| l.collapsed));
        }
    });
}

/// Whether Tab or Shift+Tab was pressed this pass or the one before (the
/// focus lands a pass later for Shift+Tab than for Tab).
fn tab_recent(ui: &Ui, state: &mut CanvasState) -> bool {
    let pass = ui.ctx().cumulative_pass_nr();
    if ui.input(|i| i.key_pressed(egui::Key::Tab)) {
        state.tab_pass = Some(pass);
    }
    state.tab_pass.is_some_and(|p| p + 1 >= pass)
}

/// One response per card in view; starts card drags. Returns the card the
/// pointer is over, if any.
fn interact_cards(
    ui: &Ui,
    state: &mut CanvasState,
    view: &CanvasView<'_>,
    viewport: Rect,
    shown: &[usize],
    geometry: &FrameGeometry<'_>,
    events: &mut Vec<CanvasEvent>,
) -> Option<usize> {
    let scope = ui.scope_id().with("canvas-card");
    let tab = tab_recent(ui, state);
    let mut hovered = None;
    for &i in shown {
        let Some(leader) = view.facts.leader(view.chart, i) else {
            continue;
        };
        let rect = geometry.rect(i);
        let screen = state.screen_from_chart * rect;
        let resp = ui.interact(
            screen.intersect(viewport),
            scope.with(leader.id.as_str()),
            Sense::click_and_drag(),
        );
        let name = if leader.open {
            format!(
                "{}: {}",
                crate::core::model::OPEN_POSITION,
                visible(&leader.name)
            )
        } else {
            visible(&leader.name).into_owned()
        };
        resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &name));
        describe_card(ui, resp.id, view, &leader.id);
        // Over the card or its fold control on the bottom edge (which is
        // on top of the card, so the card itself is not "hovered" there).
        let reach = state.screen_from_chart * rect.expand2(Vec2::new(0.0, 12.0));
        if resp.hovered() || ui.rect_contains_pointer(reach) {
            hovered = Some(i);
        }
        if resp.is_pointer_button_down_on() {
            state.auto_fit = false;
        }
        // A click, or Tab or Shift+Tab bringing the keyboard focus to the
        // card (not egui's own arrow-key focus moves: arrows walk
        // reporting lines).
        let tabbed = resp.gained_focus() && tab;
        if resp.clicked() || tabbed {
            events.push(CanvasEvent::Select(Some(Selection::Leader(
                leader.id.clone(),
            ))));
        }
        if view.editable && resp.drag_started() {
            start_card_drag(ui, state, &leader.id, rect, events);
        }
    }
    hovered
}

/// A drag of a card begins: it follows the pointer from where it was
/// grabbed, and is selected.
fn start_card_drag(
    ui: &Ui,
    state: &mut CanvasState,
    id: &LeaderId,
    rect: Rect,
    events: &mut Vec<CanvasEvent>,
) {
    let Some(origin) = ui.input(|i| i.pointer.press_origin()) else {
        return;
    };
    if state.drag.is_some() {
        return;
    }
    let grab = state.screen_from_chart.inverse() * origin - rect.min;
    state.drag = Some(Drag::Card {
        id: id.clone(),
        grab,
    });
    state.last_pointer = Some(origin);
    events.push(CanvasEvent::Select(Some(Selection::Leader(id.clone()))));
}

/// Line-end handles (where a direct line meets its report) and connector
/// handles (under each card) in view; starts line drags. Returns the
/// handles to draw: those of the hovered and the selected card.
fn interact_handles(
    ui: &Ui,
    state: &mut CanvasState,
    view: &CanvasView<'_>,
    viewport: Rect,
    area: Rect,
    hovered_card: Option<usize>,
) -> Vec<(Pos2, bool)> {
    let scope = ui.scope_id().with("canvas-handle");
    let (pointer, shift) = ui.input(|i| (i.pointer.press_origin(), i.modifiers.shift));
    let layout = &view.facts.layout;
    let selected = match view.selection {
        Some(Selection::Leader(id)) => layout.index_of(id),
        _ => None,
    };
    let mut shown = Vec::new();
    for handle in view.facts.index.handles_in(layout, area) {
        let at = state.screen_from_chart * handle.at(layout);
        if !viewport.contains(at) {
            continue;
        }
        let Some(leader) = view.facts.leader(view.chart, handle.card) else {
            continue;
        };
        let resp = ui.interact(
            Rect::from_center_size(at, Vec2::splat(2.0 * HANDLE_RADIUS + 4.0)),
            scope.with((handle.kind, leader.id.as_str())),
            Sense::drag(),
        );
        let label = handle.kind.label(&visible(&leader.name));
        resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
        if resp.drag_started() && state.drag.is_none() {
            state.drag = Some(drag_from(
                handle,
                leader.id.clone(),
                view.dotted_tool || shift,
            ));
            state.last_pointer = pointer;
        }
        // Handles show on the card under the pointer and the selected one,
        // so a chart on a projector is not covered in dots.
        if resp.hovered() || hovered_card == Some(handle.card) || selected == Some(handle.card) {
            shown.push((at, resp.hovered()));
        }
    }
    shown
}

/// What a reporting line is called, for screen readers and tests:
/// "line: CIO reports to CEO", "line: VP Change has a dotted line to CISO".
pub(super) fn line_label(kind: LineKind, report: &str, manager: &str) -> String {
    match kind {
        LineKind::Direct => format!("line: {report} reports to {manager}"),
        LineKind::Dotted => format!("line: {report} has a dotted line to {manager}"),
    }
}

/// A small named target on each reporting line in view (the middle of its
/// last stretch, above the report): a click selects the line, and a screen
/// reader finds every line by name. Made before the cards, so a card or a
/// handle on top wins, and not in the Tab order (Tab walks the cards).
fn interact_lines(
    ui: &Ui,
    state: &CanvasState,
    view: &CanvasView<'_>,
    viewport: Rect,
    area: Rect,
    events: &mut Vec<CanvasEvent>,
) {
    let scope = ui.scope_id().with("canvas-line");
    let layout = &view.facts.layout;
    for e in view.facts.index.edges_in(area) {
        let edge = &layout.edges[e];
        let [.., a, b] = edge.points.as_slice() else {
            continue;
        };
        let at = state.screen_from_chart * a.lerp(*b, 0.5);
        if !viewport.contains(at) {
            continue;
        }
        let (manager, report) = (&layout.ids[edge.from], &layout.ids[edge.to]);
        let name = |id: &LeaderId| shown_name(view.chart, id).into_owned();
        let resp = ui.interact(
            Rect::from_center_size(at, Vec2::splat(12.0)),
            scope.with((manager.as_str(), report.as_str(), edge.kind)),
            Sense::CLICK,
        );
        let label = line_label(edge.kind, &name(report), &name(manager));
        resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
        if resp.clicked() {
            events.push(CanvasEvent::Select(Some(Selection::Line(Line {
                manager: manager.clone(),
                report: report.clone(),
                kind: edge.kind,
            }))));
        }
    }
}
