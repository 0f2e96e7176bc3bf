//! Presentation mode: full screen, no editing chrome, the projector theme,
//! one model after another with a smooth camera move between them. The keys
//! presentation clickers send move between scenes; clicking a leader
//! spotlights them.

use egui::{Align2, Key, RichText, Ui};

use crate::core::facts::{Facts, Memo};
use crate::core::model::LeaderId;
use crate::core::text::visible;
use crate::core::theme::ThemeName;
use crate::core::workspace::{ModelId, Workspace};

use super::canvas::{CanvasEvent, CanvasState, CanvasView, Selection, canvas_ui};
use super::theme::Theme;

/// What presentation mode asks of the app.
#[derive(Debug, PartialEq, Eq)]
pub enum PresentEvent {
    /// Leave presentation mode.
    Leave,
}

/// The state of a presentation.
pub struct PresentState {
    /// The scene shown (an index into the models).
    pub scene: usize,
    /// The leader spotlighted by a click.
    pub spotlight: Option<LeaderId>,
    canvas: CanvasState,
    theme: Theme,
    facts: Memo<(ModelId, u64), Facts>,
    /// The shown scene's caption, by (scene, revision).
    caption: Memo<(usize, u64), String>,
}

impl PresentState {
    /// A presentation starting at `scene`.
    pub fn new(scene: usize) -> Self {
        let mut canvas = CanvasState::default();
        // A projector shows the chart as large as the screen allows.
        canvas.max_fit_zoom = 4.0;
        Self {
            scene,
            spotlight: None,
            canvas,
            theme: Theme::of(ThemeName::Projector),
            facts: Memo::default(),
            caption: Memo::default(),
        }
    }

    /// Body text size on screen, in points: the theme's card text at the
    /// current zoom.
    pub fn body_text_points(&self) -> f32 {
        self.theme.card_font * self.canvas.zoom()
    }

    /// The label of the scene counter, e.g. "Scene 2 of 8".
    pub fn counter(&self, scenes: usize) -> String {
        format!("Scene {} of {scenes}", self.scene + 1)
    }

    fn go(&mut self, scene: usize, focus: Option<&LeaderId>) {
        if scene != self.scene || self.canvas.focus.as_ref() != focus {
            self.scene = scene;
            self.spotlight = None;
            self.canvas.focus = focus.cloned();
            self.canvas.glide_to_fit();
        }
    }
}

/// Keys that go forward: what presentation clickers send, and the obvious ones.
const NEXT: [Key; 4] = [Key::ArrowRight, Key::ArrowDown, Key::Space, Key::PageDown];
/// Keys that go back.
const PREVIOUS: [Key; 3] = [Key::ArrowLeft, Key::ArrowUp, Key::PageUp];

/// The scene the keys of this frame go to, or `None` when Esc leaves.
fn scene_from_keys(ui: &Ui, current: usize, last: usize) -> Option<usize> {
    let (next, previous, home, end, leave) = ui.input_mut(|i| {
        let any = |i: &mut egui::InputState, keys: &[Key]| {
            keys.iter()
                .any(|k| i.consume_key(egui::Modifiers::NONE, *k))
        };
        (
            any(i, &NEXT),
            any(i, &PREVIOUS),
            i.consume_key(egui::Modifiers::NONE, Key::Home),
            i.consume_key(egui::Modifiers::NONE, Key::End),
            i.consume_key(egui::Modifiers::NONE, Key::Escape),
        )
    });
    if leave {
        return None;
    }
    Some(match (next, previous, home, end) {
        (true, _, _, _) => (current + 1).min(last),
        (_, true, _, _) => current.saturating_sub(1),
        (_, _, true, _) => 0,
        (_, _, _, true) => last,
        _ => current,
    })
}

/// Draws the presentation over the whole window: the storyboard's scenes,
/// or one scene per model. `revision` is the editor's, for the cache of
/// derived facts.
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
    state.scene = state.scene.min(scenes.len() - 1);
    let Some(target) = scene_from_keys(ui, state.scene, scenes.len() - 1) else {
        return Some(PresentEvent::Leave);
    };
    let scene = &scenes[target];
    let Some(model) = workspace.model_by_id(&scene.model) else {
        return Some(PresentEvent::Leave);
    };
    state.go(target, scene.focus.as_ref());
    let facts = state
        .facts
        .get((model.id.clone(), revision), || Facts::of(&model.chart));
    let spotlight = spotlight_of(state, &facts, scene.highlight.as_ref());
    let frame = egui::Frame::NONE
        .fill(state.theme.canvas_bg)
        .inner_margin(24.0);
    let events = egui::CentralPanel::default_margins()
        .frame(frame)
        .show(ui, |ui| {
            let caption = state
                .caption
                .get((target, revision), || scene.caption(workspace));
            heading_ui(ui, &model.title, &caption, &state.theme);
            let view = CanvasView {
                chart: &model.chart,
                facts: &facts,
                selection: None,
                spotlight: spotlight.as_deref(),
                dotted_tool: false,
                theme: &state.theme,
                editable: false,
                badges: None,
            };
            let events = canvas_ui(ui, &mut state.canvas, &view);
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
    None
}

/// The model's title, and under it the scene's caption (what the room
/// should take from it), if it has one.
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
    state: &PresentState,
    facts: &Facts,
    highlight: Option<&String>,
) -> Option<Vec<LeaderId>> {
    let highlighted = highlight
        .and_then(|key| facts.findings.iter().find(|f| f.key == *key))
        .map(crate::core::analysis::Finding::holder_ids);
    state.spotlight.clone().map(|id| vec![id]).or(highlighted)
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
