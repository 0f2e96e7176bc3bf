//! Find (Ctrl+F): leaders by name, title, role or responsibility. The
//! matches are listed and spotlighted on the chart; Enter (or a click on a
//! result) goes to a match, expanding the leaders above it.

use egui::{Key, RichText, Ui};

use crate::core::analysis::find_leaders;
use crate::core::model::LeaderId;
use crate::core::text::visible;
use crate::core::wording::{count, thousands};
use crate::core::workspace::{Edit, ModelId};
use crate::ui::canvas::Selection;

use super::ChartroomApp;

/// How many results the list shows.
const LISTED: usize = 12;

/// The find bar's state.
#[derive(Debug, Default)]
pub(super) struct FindState {
    /// What is typed.
    pub query: String,
    /// The matches for (query, revision), in chart order.
    matches: Vec<LeaderId>,
    /// What the matches were found for: the query, in which model, at
    /// which change of its chart.
    searched: Option<(String, ModelId, u64)>,
    /// The match Enter goes to next.
    next: usize,
    /// Put the keyboard focus in the field on the next frame.
    focus: bool,
}

impl FindState {
    /// The leaders found, in chart order.
    pub fn matches(&self) -> &[LeaderId] {
        &self.matches
    }
}

impl ChartroomApp {
    /// Opens the find bar (or puts the keyboard in it again).
    pub fn open_find(&mut self) {
        let find = self.panels.find.get_or_insert_with(FindState::default);
        find.focus = true;
    }

    /// The leaders the find bar has found, if it is open.
    pub fn find_matches(&self) -> Option<&[LeaderId]> {
        self.panels.find.as_ref().map(FindState::matches)
    }

    /// The find bar over the chart, while it is open.
    pub(super) fn find_ui(&mut self, ui: &mut Ui) {
        let Some(mut find) = self.panels.find.take() else {
            return;
        };
        let revision = self.doc.editor.chart_revision(&self.current);
        let shown = self.current.clone();
        let mut close = false;
        let mut go = None;
        egui::Panel::top("find-bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("Find");
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut find.query)
                            .hint_text("name, title, role or responsibility"),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut find.focus) {
                    field.request_focus();
                }
                let key = (find.query.clone(), shown.clone(), revision);
                if find.searched.as_ref() != Some(&key) {
                    find.matches = self
                        .current_model()
                        .map(|m| find_leaders(&m.chart, &find.query))
                        .unwrap_or_default();
                    find.next = 0;
                    find.searched = Some(key);
                }
                let n = find.matches.len();
                ui.label(count(n, "match", "matches"));
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                if entered && n > 0 {
                    go = Some(find.matches[find.next % n].clone());
                    find.next = (find.next + 1) % n;
                    find.focus = true;
                }
                if ui.button("Close").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    close = true;
                }
            });
            go = go.take().or_else(|| self.results_ui(ui, &find));
        });
        if let Some(id) = go {
            self.go_to(id);
        }
        if !close {
            self.panels.find = Some(find);
        }
    }

    /// The first results, each a button that goes there.
    fn results_ui(&self, ui: &mut Ui, find: &FindState) -> Option<LeaderId> {
        let model = self.current_model()?;
        let mut go = None;
        ui.horizontal_wrapped(|ui| {
            for id in find.matches.iter().take(LISTED) {
                let Some(leader) = model.chart.leader(id) else {
                    continue;
                };
                let text = format!("{} — {}", visible(&leader.name), visible(&leader.title));
                if ui.small_button(text).clicked() {
                    go = Some(id.clone());
                }
            }
            let more = find.matches.len().saturating_sub(LISTED);
            if more > 0 {
                ui.label(RichText::new(format!("and {} more", thousands(more))).weak());
            }
        });
        go
    }

    /// Shows a leader: expands the leaders above, selects the card and
    /// brings it to the middle of the canvas.
    pub fn go_to(&mut self, id: LeaderId) {
        self.apply(Edit::Reveal(id.clone()));
        self.selection = Some(Selection::Leader(id.clone()));
        if let Some(view) = self.current_view() {
            view.canvas.show_card(id);
        }
    }
}
