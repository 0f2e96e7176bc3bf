//! Presentation mode: full screen, no editing chrome, the projector theme,
//! one scene after another with a smooth camera move between them. The keys
//! presentation clickers send move between scenes; clicking a leader
//! spotlights them. The presenter's view (current and next scene, notes,
//! caption, scene number, elapsed time) is shown in a window of its own for
//! a second display (W), or instead of the room's view on one display (P).

mod presenter;
mod stage;

use std::time::Instant;

use egui::{Align2, Key, RichText, Ui};

use crate::core::analysis::Finding;
use crate::core::model::LeaderId;
use crate::core::text::visible;
use crate::core::theme::ThemeName;
use crate::core::workspace::{Scene, Workspace};

use super::canvas::{CanvasEvent, Selection};
use super::theme::Theme;
use stage::{Derived, Showing, Stage, stage_ui};

/// What presentation mode asks of the app.
#[derive(Debug, PartialEq, Eq)]
pub enum PresentEvent {
    /// Leave presentation mode.
    Leave,
}

/// The state of a presentation.
pub struct PresentState {
    /// The scene shown (an index into the presentation's scenes).
    pub scene: usize,
    /// The leader spotlighted by a click.
    pub spotlight: Option<LeaderId>,
    /// One display: this window shows the presenter's view, not the room's.
    pub presenter_here: bool,
    /// The presenter's view has a window of its own (for a second display);
    /// this window then always shows the room's view.
    pub presenter_window: bool,
    started: Instant,
    audience: Stage,
    now: Stage,
    next: Stage,
    theme: Theme,
    derived: Derived,
}

impl PresentState {
    /// A presentation starting at `scene`.
    pub fn new(scene: usize) -> Self {
        Self {
            scene,
            spotlight: None,
            presenter_here: false,
            presenter_window: false,
            started: Instant::now(),
            // A projector shows the chart as large as the screen allows.
            audience: Stage::new(4.0),
            now: Stage::new(1.5),
            next: Stage::new(1.5),
            theme: Theme::of(ThemeName::Projector),
            derived: Derived::default(),
        }
    }

    /// Body text size on the room's screen, in points: the theme's card
    /// text at the current zoom.
    pub fn body_text_points(&self) -> f32 {
        self.theme.card_font * self.audience.zooms()[0]
    }

    /// The zoom of the room's charts: the only one, or left and right in a
    /// comparison (linked: the same after a zoom by the presenter).
    pub fn room_zooms(&self) -> [f32; 2] {
        self.audience.zooms()
    }

    /// The label of the scene counter, e.g. "Scene 2 of 8".
    pub fn counter(&self, scenes: usize) -> String {
        format!("Scene {} of {scenes}", self.scene + 1)
    }

    /// Comparison scenes whose comparison is still being worked out (off
    /// the UI thread) and not yet shown.
    pub fn comparisons_pending(&self) -> usize {
        self.derived.pending()
    }

    /// Time since the presentation started, as "Elapsed 12:05".
    pub fn elapsed(&self) -> String {
        let s = self.started.elapsed().as_secs();
        format!("Elapsed {:02}:{:02}", s / 60, s % 60)
    }
}

/// Keys that go forward: what presentation clickers send, and the obvious ones.
const NEXT: [Key; 4] = [Key::ArrowRight, Key::ArrowDown, Key::Space, Key::PageDown];
/// Keys that go back.
const PREVIOUS: [Key; 3] = [Key::ArrowLeft, Key::ArrowUp, Key::PageUp];

/// Applies this frame's keys in `ui`'s window: scenes, P (presenter's view
/// here), W (presenter's window). False when Esc leaves.
fn keys(ui: &Ui, state: &mut PresentState, last: usize) -> bool {
    let pressed = |k: Key| ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, k));
    let any = |keys: &[Key]| keys.iter().any(|k| pressed(*k));
    let (next, previous) = (any(&NEXT), any(&PREVIOUS));
    let (home, end) = (pressed(Key::Home), pressed(Key::End));
    if pressed(Key::Escape) {
        return false;
    }
    if pressed(Key::P) {
        state.presenter_here = !state.presenter_here;
    }
    if pressed(Key::W) {
        state.presenter_window = !state.presenter_window;
    }
    let target = match (next, previous, home, end) {
        (true, _, _, _) => (state.scene + 1).min(last),
        (_, true, _, _) => state.scene.saturating_sub(1),
        (_, _, true, _) => 0,
        (_, _, _, true) => last,
        _ => state.scene,
    };
    if target != state.scene {
        state.scene = target;
        state.spotlight = None;
    }
    true
}

/// Draws the presentation: the storyboard's scenes, or one scene per model.
/// `revision` is the editor's, for the cache of derived facts.
pub fn present_ui(
    ui: &mut Ui,
    state: &mut PresentState,
    workspace: &Workspace,
    revision: u64,
) -> Option<PresentEvent> {
    let scenes = workspace.scenes();
    if scenes.is_empty() {
        return Some(PresentEvent::Leave);
    }
    let last = scenes.len() - 1;
    state.scene = state.scene.min(last);
    if !keys(ui, state, last) {
        return Some(PresentEvent::Leave);
    }
    state.derived.at(revision, &scenes, workspace);
    if state.presenter_window && !presenter::window(ui.ctx(), state, &scenes, workspace) {
        return Some(PresentEvent::Leave);
    }
    if state.presenter_here && !state.presenter_window {
        presenter::presenter_ui(ui, state, &scenes, workspace);
    } else {
        audience_ui(ui, state, &scenes, workspace);
    }
    None
}

/// The room's view of the current scene: its title and caption, the
/// chart(s), the scene counter.
fn audience_ui(ui: &mut Ui, state: &mut PresentState, scenes: &[Scene], workspace: &Workspace) {
    let index = state.scene;
    let scene = &scenes[index];
    let spotlight = spotlight_of(state, scene, workspace);
    let caption = state.derived.caption(index, scene, workspace);
    let frame = egui::Frame::NONE
        .fill(state.theme.canvas_bg)
        .inner_margin(24.0);
    let events = egui::CentralPanel::default_margins()
        .frame(frame)
        .show(ui, |ui| {
            heading_ui(ui, &title_of(scene, workspace), &caption, &state.theme);
            let showing = Showing {
                index,
                scene,
                workspace,
                theme: &state.theme,
                spotlight: spotlight.as_deref(),
                glide: true,
                title_size: 24.0,
            };
            let events = stage_ui(ui, &mut state.audience, &mut state.derived, &showing);
            counter_ui(ui, &state.counter(scenes.len()), &state.theme);
            events
        })
        .inner;
    for event in events {
        if let CanvasEvent::Select(selection) = event {
            state.spotlight = match selection {
                Some(Selection::Leader(id)) if state.spotlight.as_ref() != Some(&id) => Some(id),
                _ => None,
            };
        }
    }
}

/// A scene's heading: the model's title, or "A compared with B".
fn title_of(scene: &Scene, workspace: &Workspace) -> String {
    match (scene.compare.is_some(), workspace.model_by_id(&scene.model)) {
        (false, Some(model)) => model.title.clone(),
        _ => scene.describe(workspace),
    }
}

/// The scene's title, and under it its caption (what the room should take
/// from it), if it has one.
fn heading_ui(ui: &mut Ui, title: &str, caption: &str, theme: &Theme) {
    ui.label(
        RichText::new(visible(title))
            .size(36.0)
            .strong()
            .color(theme.text),
    );
    if !caption.is_empty() {
        ui.label(RichText::new(visible(caption)).size(26.0).color(theme.text));
    }
}

/// Who is spotlighted: a clicked leader wins over the scene's highlighted
/// responsibility.
fn spotlight_of(
    state: &mut PresentState,
    scene: &Scene,
    workspace: &Workspace,
) -> Option<Vec<LeaderId>> {
    if let Some(id) = &state.spotlight {
        return Some(vec![id.clone()]);
    }
    let key = scene.highlight.as_ref()?;
    let model = workspace.model_by_id(&scene.model)?;
    let facts = state.derived.facts(model);
    facts
        .findings
        .iter()
        .find(|f| f.key == *key)
        .map(Finding::holder_ids)
}

/// "Scene 2 of 8" in the bottom right corner, named for screen readers.
fn counter_ui(ui: &Ui, counter: &str, theme: &Theme) {
    let corner = ui.max_rect().right_bottom() - egui::vec2(8.0, 8.0);
    ui.painter().text(
        corner,
        Align2::RIGHT_BOTTOM,
        counter,
        egui::FontId::proportional(18.0),
        theme.weak_text,
    );
    let resp = ui.interact(
        egui::Rect::from_min_max(corner - egui::vec2(140.0, 24.0), corner),
        ui.scope_id().with("scene-counter"),
        egui::Sense::hover(),
    );
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, counter));
}
