//! Slides whose charts are PowerPoint shapes (`chart.rs`), never with
//! chart text under 12 pt: a chart that would need smaller text is split
//! the way the board pack splits it (in the arrangement that makes fewer
//! parts), the parts packed over slides at the 12 pt scale, each headed
//! with whose people it shows, the leaders where it was cut marked
//! "continued on slide N".

use std::fmt::Write as _;

use emath::Rect;

use super::chart::{BADGE_ROOM, chart_shapes, emu};
use super::{Body, Slide};
use crate::core::draw;
use crate::core::export::packing::{self, Placed};
use crate::core::export::page::{part_badges, shown_part_name, with_chart};
use crate::core::export::sheet::Badges;
use crate::core::export::split::{Part, split_best};
use crate::core::export::xml;
use crate::core::layout;
use crate::core::theme::Palette;
use crate::core::workspace::Model;

/// The smallest chart text on a slide, in points.
pub(super) const SLIDE_MIN_PT: f32 = 12.0;
/// Where charts go on a slide, in points: across, and down from under
/// the caption to the foot (or to above the lines of text there).
const AREA_X: (f32, f32) = (36.0, 888.0);
const AREA_TOP: f32 = 104.0;
const AREA_BOTTOM: f32 = 516.0;
/// A part's heading: its size and the room it takes.
const PART_HEAD_PT: f32 = 12.0;
const PART_HEAD_H: f32 = 20.0;

/// What a chart's slides say: the first slide's title, caption, lines
/// and notes; the model and its change badges.
pub(super) struct ChartSlides<'a> {
    pub title: String,
    pub caption: String,
    pub lines: Vec<String>,
    pub notes: String,
    pub model: &'a Model,
    pub changes: Badges,
    pub palette: &'a Palette,
}

/// Points per chart unit at which the smallest card text is 12 pt.
fn slide_scale(palette: &Palette) -> f32 {
    SLIDE_MIN_PT / (palette.card_font * draw::SMALLEST_TEXT)
}

/// A chart's size on a slide at the 12 pt scale, badges included.
fn size_at_12(chart: &crate::core::model::OrgChart, palette: &Palette) -> (f32, f32) {
    let bounds = layout::layout(&layout::request_for(chart))
        .bounds
        .expand(BADGE_ROOM);
    let scale = slide_scale(palette);
    (bounds.width() * scale, bounds.height() * scale)
}

/// True when both charts fit side by side on one slide at 12 pt or more.
pub(super) fn fit_side_by_side(models: [&Model; 2], palette: &Palette, lines: usize) -> bool {
    let half = (AREA_X.1 - 24.0) / 2.0;
    let height = bottom(lines) - AREA_TOP - PART_HEAD_H;
    models.iter().all(|m| {
        let (w, h) = size_at_12(&m.chart, palette);
        w <= half && h <= height
    })
}

/// Where charts end on a slide with `lines` lines of text under them
/// (the lines sit at the foot, as tall as they need: `super::lines_box`).
fn bottom(lines: usize) -> f32 {
    if lines == 0 {
        AREA_BOTTOM
    } else {
        super::lines_top(lines) - 8.0
    }
}

/// Two charts side by side on one slide, each under its title.
pub(super) fn side_by_side(
    out: &mut String,
    (models, marks): ([&Model; 2], [&Badges; 2]),
    palette: &Palette,
    lines: usize,
) {
    let half = (AREA_X.1 - 24.0) / 2.0;
    let mut next_id = 10;
    for (i, (model, marks)) in models.iter().zip(marks).enumerate() {
        let left = AREA_X.0 + i as f32 * (half + 24.0);
        heading(
            out,
            &mut next_id,
            &model.short_title(),
            (left, AREA_TOP, half),
        );
        let place = Rect::from_min_max(
            emath::pos2(left, AREA_TOP + PART_HEAD_H),
            emath::pos2(left + half, bottom(lines)),
        );
        chart_shapes(out, &mut next_id, (model, marks, None), palette, place);
    }
}

/// A line of bold text at (`x`, `y`), `w` wide, in a text box.
fn heading(out: &mut String, next_id: &mut u32, text: &str, (x, y, w): (f32, f32, f32)) {
    let _ = write!(
        out,
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{}" name="Heading"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0"><a:noAutofit/></a:bodyPr><a:lstStyle/><a:p><a:r><a:rPr lang="en-GB" sz="{}" b="1" dirty="0"/><a:t>{}</a:t></a:r></a:p></p:txBody></p:sp>"#,
        *next_id,
        emu(x),
        emu(y),
        emu(w),
        emu(PART_HEAD_H),
        (PART_HEAD_PT * 100.0) as u32,
        xml(text)
    );
    *next_id += 1;
}

/// The slides of one chart, the first numbered `first_number`.
pub(super) fn chart_slides(job: &ChartSlides<'_>, first_number: usize) -> Vec<Slide> {
    let palette = job.palette;
    let width = AREA_X.1;
    let first_bottom = bottom(job.lines.len());
    let room = (first_bottom - AREA_TOP).min(AREA_BOTTOM - AREA_TOP - PART_HEAD_H);
    let fits = |c: &crate::core::model::OrgChart| {
        let (w, h) = size_at_12(c, palette);
        w <= width && h <= room
    };
    let parts = split_best(&job.model.chart, &fits, &|parts| slide_count(job, parts));
    if parts.len() == 1 {
        let mut body = String::new();
        let place = Rect::from_min_max(
            emath::pos2(AREA_X.0, AREA_TOP),
            emath::pos2(AREA_X.0 + width, first_bottom),
        );
        let mut next_id = 10;
        let badges = part_badges(
            &parts[0],
            &job.changes,
            (&|n| first_number + n, None),
            "slide",
        );
        let shown = with_chart(job.model, parts[0].chart.clone());
        chart_shapes(
            &mut body,
            &mut next_id,
            (&shown, &badges, None),
            palette,
            place,
        );
        return vec![slide(job, job.title.clone(), true, body)];
    }
    parted_slides(job, &parts, first_number)
}

/// The part sizes on a slide at the 12 pt scale, headings included.
fn part_sizes(job: &ChartSlides<'_>, parts: &[Part]) -> Vec<(f32, f32)> {
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let (w, h) = size_at_12(&part.chart, job.palette);
            if i == 0 {
                (w.min(AREA_X.1), h)
            } else {
                (w.min(AREA_X.1).max(200.0), h + PART_HEAD_H)
            }
        })
        .collect()
}

/// How many slides `parts` take, packed.
fn slide_count(job: &ChartSlides<'_>, parts: &[Part]) -> usize {
    if parts.len() <= 1 {
        return parts.len();
    }
    packing::arrange(
        &part_sizes(job, parts),
        AREA_X,
        (AREA_TOP, bottom(job.lines.len())),
        (AREA_TOP, AREA_BOTTOM),
    )
    .1
}

/// A split chart's parts packed over slides at the 12 pt scale.
fn parted_slides(job: &ChartSlides<'_>, parts: &[Part], first_number: usize) -> Vec<Slide> {
    let (placed, count) = packing::arrange(
        &part_sizes(job, parts),
        AREA_X,
        (AREA_TOP, bottom(job.lines.len())),
        (AREA_TOP, AREA_BOTTOM),
    );
    let slide_of = |i: usize| first_number + placed[i].page;
    let whole = &crate::core::facts::Facts::marks_of(&job.model.chart);
    let mut bodies = vec![String::new(); count];
    let mut next_ids = vec![10u32; count];
    for (i, part) in parts.iter().enumerate() {
        let Placed { page, mut rect } = placed[i];
        let (body, next_id) = (&mut bodies[page], &mut next_ids[page]);
        if i > 0 {
            let from = super::super::page::cut_in(parts, i)
                .map_or_else(String::new, |f| format!(" (from slide {})", slide_of(f)));
            let head = format!("{}'s people{from}", shown_part_name(part));
            heading(body, next_id, &head, (rect.min.x, rect.min.y, rect.width()));
            rect.min.y += PART_HEAD_H;
        }
        let badges = part_badges(
            part,
            &job.changes,
            (&|n| slide_of(n), Some(slide_of(i))),
            "slide",
        );
        let shown = with_chart(job.model, part.chart.clone());
        chart_shapes(
            body,
            next_id,
            (&shown, &badges, Some(whole)),
            job.palette,
            rect,
        );
    }
    bodies
        .into_iter()
        .enumerate()
        .map(|(k, body)| {
            let title = if k == 0 {
                job.title.clone()
            } else {
                format!("{} (continued)", job.title)
            };
            slide(job, title, k == 0, body)
        })
        .collect()
}

/// A slide of a chart; the first one has the caption, lines and notes.
fn slide(job: &ChartSlides<'_>, title: String, first: bool, body: String) -> Slide {
    Slide {
        title,
        caption: if first {
            job.caption.clone()
        } else {
            String::new()
        },
        lines: if first { job.lines.clone() } else { Vec::new() },
        notes: if first {
            job.notes.clone()
        } else {
            String::new()
        },
        body: Body::Shapes(body),
        ink: super::Ink::of(job.palette),
    }
}
