//! File > Board pack details…: the title page of the board pack (title,
//! subtitle, author, date) and its paper, kept in the document.

use egui::Ui;

use super::ChartroomApp;
use crate::core::workspace::{PackInfo, PageSize};

impl ChartroomApp {
    /// Opens the board pack details on what the document says now.
    pub(super) fn open_pack_details(&mut self) {
        let info = self.doc.editor.workspace().pack.clone();
        self.modal = Some(super::Modal::PackDetails(info));
    }

    /// The details window, while open: *Done* keeps what was typed (one
    /// change of the document), *Cancel* and Esc leave it as it was.
    pub(super) fn pack_details_window(
        &mut self,
        ctx: &egui::Context,
        mut info: PackInfo,
    ) -> Option<PackInfo> {
        let mut answer = None;
        egui::Modal::new(egui::Id::NULL.with("pack-details")).show(ctx, |ui| {
            ui.heading("Board pack details");
            ui.label("How File > Export board pack (PDF)… heads and prints the pack");
            fields_ui(ui, &mut info);
            paper_ui(ui, &mut info);
            ui.horizontal(|ui| {
                if ui.button("Done").clicked() {
                    answer = Some(true);
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => {
                self.apply_document(crate::core::workspace::DocumentEdit::PackDetails(info));
                None
            }
            Some(false) => None,
            None => Some(info),
        }
    }
}

/// A labelled field for each part of the title page; the title's hint is
/// the default it takes when left empty.
fn fields_ui(ui: &mut Ui, info: &mut PackInfo) {
    let default_title = crate::core::export::PackOptions::default().title;
    let fields: [(&str, &mut String, &str); 4] = [
        ("Title:", &mut info.title, &default_title),
        (
            "Subtitle:",
            &mut info.subtitle,
            "The meeting, or the question",
        ),
        ("Author:", &mut info.author, "Who prepared it"),
        (
            "Date:",
            &mut info.date,
            "As it should read, e.g. 4 December 2026",
        ),
    ];
    egui::Grid::new("pack-details-fields")
        .num_columns(2)
        .show(ui, |ui| {
            for (label, value, hint) in fields {
                let label = ui.label(label);
                ui.add(
                    egui::TextEdit::singleline(value)
                        .hint_text(hint)
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
                ui.end_row();
            }
        });
}

/// The paper, and whether every page stays landscape (a chart split over
/// pages is otherwise turned to portrait where that takes fewer pages).
fn paper_ui(ui: &mut Ui, info: &mut PackInfo) {
    ui.horizontal(|ui| {
        let label = ui.label("Paper:");
        egui::ComboBox::from_id_salt("pack-paper")
            .selected_text(info.paper.label())
            .show_ui(ui, |ui| {
                for paper in PageSize::ALL {
                    ui.selectable_value(&mut info.paper, paper, paper.label());
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.checkbox(
        &mut info.landscape,
        "Every page landscape (never turn a chart to portrait)",
    );
}
