//! The findings panel: every conflict, shared responsibility and gap of the
//! shown model with its holders and their letters, plus the responsibilities
//! nobody holds. Hover one to spotlight its holders, click to keep the
//! spotlight; click a holder's letter to change it.

use egui::{RichText, Ui};

use crate::core::analysis::{Finding, Grade};
use crate::core::model::{LeaderId, OrgChart};
use crate::core::text::visible;
use crate::core::wording::{FindingStyle, NAMES_SHOWN, NO_FINDINGS, finding_line, shown_name};
use crate::core::workspace::Edit;

use super::panels::cycled;
use super::theme::Theme;

/// What the findings panel asks for.
#[derive(Debug, Default)]
pub struct FindingsOutput {
    /// The finding under the pointer (by key), spotlighted this frame.
    pub hovered: Option<String>,
    /// A letter changed by a click.
    pub edit: Option<Edit>,
}

/// The heading of a group of findings, with its shape as a word.
fn group_title(grade: Grade) -> &'static str {
    match grade {
        Grade::Conflict => "Conflicts: more than one accountable",
        Grade::Shared => "Shared: several holders, one accountable",
        Grade::Gap => "Gaps: held, but nobody accountable",
    }
}

fn grade_colour(theme: &Theme, grade: Grade) -> egui::Color32 {
    match grade {
        Grade::Conflict => theme.conflict,
        Grade::Shared => theme.overlap,
        Grade::Gap => theme.gap,
    }
}

/// The panel. `pinned` is the finding kept spotlighted (by key).
pub fn findings_ui(
    ui: &mut Ui,
    theme: &Theme,
    chart: &OrgChart,
    findings: &[Finding],
    unowned: &[String],
    pinned: &mut Option<String>,
) -> FindingsOutput {
    let mut out = FindingsOutput::default();
    ui.heading(format!("Findings ({})", findings.len()));
    if findings.is_empty() {
        ui.label(NO_FINDINGS);
    }
    for grade in [Grade::Conflict, Grade::Shared, Grade::Gap] {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.grade == grade).collect();
        if group.is_empty() {
            continue;
        }
        ui.add_space(4.0);
        ui.label(
            RichText::new(format!("{} ({})", group_title(grade), group.len()))
                .strong()
                .color(grade_colour(theme, grade)),
        );
        for finding in group {
            finding_ui(ui, theme, chart, finding, pinned, &mut out);
        }
    }
    if !unowned.is_empty() {
        ui.add_space(4.0);
        egui::CollapsingHeader::new(format!("Unowned: held by nobody ({})", unowned.len()))
            .default_open(false)
            .show(ui, |ui| {
                for phrase in unowned {
                    ui.label(visible(phrase));
                }
            });
    }
    out
}

fn finding_ui(
    ui: &mut Ui,
    theme: &Theme,
    chart: &OrgChart,
    finding: &Finding,
    pinned: &mut Option<String>,
    out: &mut FindingsOutput,
) {
    let name = |id: &LeaderId| shown_name(chart, id).into_owned();
    let text = finding_line(chart, finding, FindingStyle::Names);
    let is_pinned = pinned.as_deref() == Some(finding.key.as_str());
    let resp = ui.selectable_label(
        is_pinned,
        RichText::new(text).color(grade_colour(theme, finding.grade)),
    );
    describe_finding(ui, resp.id, finding, &name);
    if resp.hovered() {
        out.hovered = Some(finding.key.clone());
    }
    if resp.clicked() {
        *pinned = if is_pinned {
            None
        } else {
            Some(finding.key.clone())
        };
    }
    ui.horizontal_wrapped(|ui| {
        ui.add_space(12.0);
        for (id, raci) in finding.holders.iter().take(NAMES_SHOWN) {
            let label = format!("{}: {}", name(id), raci.letter());
            if ui
                .small_button(label)
                .on_hover_text(format!("{} is {}: click to change", name(id), raci.word()))
                .clicked()
            {
                out.edit = Some(Edit::SetLetter {
                    leader: id.clone(),
                    phrase: finding.phrase.clone(),
                    letter: Some(cycled(*raci)),
                });
            }
        }
    });
}

/// The grade is the row's colour and its group's heading on screen; a
/// screen reader hears it with each row, and every holder's letter.
fn describe_finding(ui: &Ui, id: egui::Id, finding: &Finding, name: &dyn Fn(&LeaderId) -> String) {
    let letters: Vec<String> = finding
        .holders
        .iter()
        .take(NAMES_SHOWN)
        .map(|(id, raci)| format!("{} {}", name(id), raci.word()))
        .collect();
    let said = format!("{}; {}", finding.grade.word(), letters.join(", "));
    ui.ctx()
        .accesskit_node_builder(id, |node| node.set_description(said));
}
