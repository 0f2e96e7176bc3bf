//! A chart on a slide as PowerPoint's own shapes, so that a board
//! secretary can retitle a card, move it and have its lines follow: each
//! card a group (its role stripe, a rounded rectangle holding the name,
//! title and responsibilities as text, its badges), each reporting line a
//! connector glued to the two cards (dotted lines dashed), in the theme's
//! colours. Placed from the same layout as the screen and the pack.

use std::fmt::Write as _;

use emath::{Pos2, Rect, pos2};

use super::super::sheet::Badges;
use super::super::xml;
use crate::core::draw::{self, Part, Prim, Shape};
use crate::core::facts::Facts;
use crate::core::layout::metrics::{
    BODY_SIZE, HEADER_H, LINE_H, NAME_SIZE, PAD, PAD_Y, ROW_PREFIX, TITLE_SIZE,
};
use crate::core::layout::{EdgePath, Via};
use crate::core::model::{Leader, LineKind, Raci};
use crate::core::theme::{Palette, Rgb};
use crate::core::workspace::Model;

/// EMU per point.
const EMU: f32 = super::EMU_PER_PT as f32;
/// Room around a chart for the badges above and below its cards, in
/// chart units.
pub(super) const BADGE_ROOM: f32 = 12.0;

/// Points as EMU.
pub(super) fn emu(pt: f32) -> i64 {
    (pt * EMU).round() as i64
}

/// A size in hundredths of a point, never rounded below what was asked.
fn sz(pt: f32) -> u32 {
    (pt * 100.0).ceil() as u32
}

/// Where chart units land on the slide, in points.
struct Place {
    origin: Pos2,
    min: Pos2,
    scale: f32,
}

impl Place {
    fn at(&self, p: Pos2) -> Pos2 {
        pos2(
            self.origin.x + (p.x - self.min.x) * self.scale,
            self.origin.y + (p.y - self.min.y) * self.scale,
        )
    }

    fn rect(&self, r: Rect) -> Rect {
        Rect::from_min_max(self.at(r.min), self.at(r.max))
    }
}

/// The chart's bounds with room for its badges, in chart units.
pub(super) fn chart_bounds(facts: &Facts) -> Rect {
    facts.layout.bounds.expand(BADGE_ROOM)
}

/// Writes `model`'s chart as shapes into `place` (points), scaled to fit
/// it (up to 1.5 times), centred, marked with the `whole` chart's marks
/// when it is a part of one; shape ids from `next_id` on.
pub(super) fn chart_shapes(
    out: &mut String,
    next_id: &mut u32,
    (model, badges, whole): (&Model, &Badges, Option<&draw::Marks>),
    palette: &Palette,
    place: Rect,
) {
    let facts = Facts::of_part(&model.chart, whole);
    let bounds = chart_bounds(&facts);
    if !bounds.is_positive() {
        return;
    }
    let scale = (place.width() / bounds.width())
        .min(place.height() / bounds.height())
        .min(1.5);
    let origin = pos2(
        place.min.x + (place.width() - bounds.width() * scale) / 2.0,
        place.min.y + (place.height() - bounds.height() * scale) / 2.0,
    );
    let at = Place {
        origin,
        min: bounds.min,
        scale,
    };
    let n = facts.layout.rects.len();
    let base = *next_id;
    // A card's group is `base + 2i`, its box `base + 2i + 1`.
    *next_id += 2 * u32::try_from(n).unwrap_or(0);
    let box_id = |i: usize| base + 2 * u32::try_from(i).unwrap_or(0) + 1;
    for edge in &facts.layout.edges {
        let cards = [
            (box_id(edge.from), at.rect(facts.layout.rects[edge.from])),
            (box_id(edge.to), at.rect(facts.layout.rects[edge.to])),
        ];
        connector(out, next_id, edge, cards, (&at, palette));
    }
    cards(
        out,
        next_id,
        (model, &facts, badges),
        (&at, palette),
        &box_id,
    );
}

/// Every card of the chart as a group.
fn cards(
    out: &mut String,
    next_id: &mut u32,
    (model, facts, badges): (&Model, &Facts, &Badges),
    (at, palette): (&Place, &Palette),
    box_id: &dyn Fn(usize) -> u32,
) {
    let scale = at.scale;
    for (i, rect) in facts.layout.rects.iter().enumerate() {
        let Some(leader) = facts.leader(&model.chart, i) else {
            continue;
        };
        let labels = badges.get(&leader.id).map_or(&[][..], Vec::as_slice);
        let card = Card {
            leader,
            rect: at.rect(*rect),
            ids: (box_id(i) - 1, box_id(i)),
            scale,
        };
        let mut prims = Vec::new();
        let state = draw::CardState {
            fold: draw::fold_of(leader, &facts.headcount),
            labels,
            ..draw::CardState::default()
        };
        draw::card(
            &mut prims,
            leader,
            *rect,
            &facts.marks,
            palette,
            &state,
            draw::Detail::Full,
        );
        card_group(out, next_id, &card, (&prims, at), palette, &facts.marks);
    }
}

/// One card as it goes on the slide.
struct Card<'a> {
    leader: &'a Leader,
    /// In points.
    rect: Rect,
    /// Its group's shape id and its box's.
    ids: (u32, u32),
    /// Points per chart unit.
    scale: f32,
}

fn xfrm(rect: Rect) -> String {
    format!(
        r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm>"#,
        emu(rect.min.x),
        emu(rect.min.y),
        emu(rect.width()).max(1),
        emu(rect.height()).max(1)
    )
}

fn fill(rgb: Rgb) -> String {
    format!(
        r#"<a:solidFill><a:srgbClr val="{}"/></a:solidFill>"#,
        hex(rgb)
    )
}

/// A colour as `DrawingML` writes it (`1A2B3C`).
pub(super) fn hex(rgb: Rgb) -> String {
    rgb.hex().trim_start_matches('#').to_uppercase()
}

/// A run of text.
fn run(out: &mut String, text: &str, size: f32, bold: bool, colour: Rgb) {
    let b = if bold { r#" b="1""# } else { "" };
    let _ = write!(
        out,
        r#"<a:r><a:rPr lang="en-GB" sz="{}"{b} dirty="0">{}</a:rPr><a:t>{}</a:t></a:r>"#,
        sz(size),
        fill(colour),
        xml(text)
    );
}

/// A card's group: stripe, box with its text, badges.
fn card_group(
    out: &mut String,
    next_id: &mut u32,
    card: &Card<'_>,
    (prims, at): (&[Prim], &Place),
    palette: &Palette,
    marks: &draw::Marks,
) {
    let leader = card.leader;
    let name = crate::core::text::visible(leader.card_name());
    let _ = write!(
        out,
        r#"<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{}" name="Card: {}"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>"#,
        card.ids.0,
        xml(&name)
    );
    let s = card.scale;
    let stripe = Rect::from_min_max(
        card.rect.min,
        pos2(card.rect.min.x + 5.0 * s, card.rect.max.y),
    );
    let _ = write!(
        out,
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{}" name="Role stripe"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>"#,
        *next_id,
        xfrm(stripe),
        fill(palette.role(leader.role))
    );
    *next_id += 1;
    let dash = if leader.open {
        r#"<a:prstDash val="dash"/>"#
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{}" name="{}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val 6000"/></a:avLst></a:prstGeom>{}<a:ln w="{}">{}{dash}</a:ln></p:spPr>"#,
        card.ids.1,
        xml(&name),
        xfrm(card.rect),
        fill(palette.card),
        emu(palette.card_outline_width.max(0.75)),
        fill(palette.card_outline),
    );
    card_text(out, card, palette, marks);
    out.push_str("</p:sp>");
    badges(out, next_id, prims, at);
    out.push_str("</p:grpSp>");
}

/// The card's text: role and name, title, one paragraph per
/// responsibility with its letter, at the card's sizes times the scale,
/// each line as tall as on the screen.
fn card_text(out: &mut String, card: &Card<'_>, palette: &Palette, marks: &draw::Marks) {
    let (leader, s) = (card.leader, card.scale);
    let small = draw::SMALLEST_TEXT * BODY_SIZE;
    let _ = write!(
        out,
        // A little more room across than the layout measured for (the
        // office suite's own line breaking may differ by a few per cent);
        // a little higher than the screen's top padding, as an office
        // suite sets a line's text low in its exact height (clear of a
        // badge on the bottom edge).
        r#"<p:txBody><a:bodyPr wrap="square" lIns="{}" tIns="{}" rIns="{}" bIns="0" anchor="t"><a:noAutofit/></a:bodyPr><a:lstStyle/>"#,
        emu((PAD - 4.0) * s),
        emu((PAD_Y - 4.0) * s),
        emu(2.0 * s)
    );
    open_paragraph(out, HEADER_H * s, "");
    if leader.role.on_card() {
        run(
            out,
            leader.role.badge(),
            small * s,
            true,
            palette.role(leader.role),
        );
        run(out, " ", small * s, false, palette.text);
    }
    let name = crate::core::text::visible(leader.card_name());
    run(out, &name, NAME_SIZE * s, true, palette.text);
    out.push_str("</a:p>");
    if !leader.title.is_empty() {
        open_paragraph(out, LINE_H * s, "");
        let title = crate::core::text::visible(&leader.title);
        run(out, &title, TITLE_SIZE * s, false, palette.weak_text);
        out.push_str("</a:p>");
    }
    duties(out, card, palette, marks);
    out.push_str("</p:txBody>");
}

/// Opens a paragraph whose lines are each `line` points tall (exactly, as
/// on the screen), with `props` among its properties.
fn open_paragraph(out: &mut String, line: f32, props: &str) {
    let _ = write!(
        out,
        r#"<a:p><a:pPr{props}><a:lnSpc><a:spcPts val="{}"/></a:lnSpc></a:pPr>"#,
        sz(line)
    );
}

/// One paragraph per responsibility: its letter, then the phrase (its
/// wrapped lines under the phrase, not the letter), a line each as tall
/// as on the screen.
fn duties(out: &mut String, card: &Card<'_>, palette: &Palette, marks: &draw::Marks) {
    let (leader, s) = (card.leader, card.scale);
    let small = draw::SMALLEST_TEXT * BODY_SIZE;
    let indent = format!(
        r#" marL="{}" indent="{}""#,
        emu(ROW_PREFIX * s),
        -emu((ROW_PREFIX - 14.0) * s)
    );
    for assignment in &leader.responsibilities {
        open_paragraph(out, LINE_H * s, &indent);
        let graded = marks.grade(&assignment.phrase).is_some();
        let strong = assignment.raci == Raci::Accountable;
        let letter_colour = if strong {
            palette.text
        } else {
            palette.weak_text
        };
        run(
            out,
            assignment.raci.letter(),
            small * s,
            strong,
            letter_colour,
        );
        let colour = if graded {
            palette.text
        } else {
            palette.weak_text
        };
        let phrase = crate::core::text::visible(&assignment.phrase);
        run(out, &format!("  {phrase}"), BODY_SIZE * s, false, colour);
        out.push_str("</a:p>");
    }
}

/// The card's badges ("1 shared", change badges, "continued on slide
/// N", "+12 folded") as small rounded shapes with their text, where the
/// card's drawing puts them.
fn badges(out: &mut String, next_id: &mut u32, prims: &[Prim], at: &Place) {
    let is_badge = |p: &Prim| matches!(p.part, Part::CountBadge | Part::ChangeBadge | Part::Fold);
    let mut pending: Option<(Rect, Rgb)> = None;
    for prim in prims.iter().filter(|p| is_badge(p)) {
        match &prim.shape {
            Shape::Rect {
                rect,
                fill: Some(paint),
                ..
            } => pending = Some((at.rect(*rect), paint.rgb)),
            Shape::Text {
                text,
                size,
                bold,
                paint,
                ..
            } => {
                if let Some((rect, back)) = pending.take() {
                    let _ = write!(
                        out,
                        r#"<p:sp><p:nvSpPr><p:cNvPr id="{}" name="Badge: {}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val 50000"/></a:avLst></a:prstGeom>{}<a:ln><a:noFill/></a:ln></p:spPr><p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr"><a:noAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr algn="ctr"/>"#,
                        *next_id,
                        xml(text),
                        xfrm(rect),
                        fill(back)
                    );
                    run(out, text, size * at.scale, *bold, paint.rgb);
                    out.push_str("</a:p></p:txBody></p:sp>");
                    *next_id += 1;
                }
            }
            _ => {}
        }
    }
}

/// Where a connector meets a card: the top (0), left (1), bottom (2) or
/// right (3) connection site of a rectangle.
fn site(at: Pos2, card: Rect) -> u32 {
    let near = |a: f32, b: f32| (a - b).abs() < 0.5;
    if near(at.y, card.top()) {
        0
    } else if near(at.y, card.bottom()) {
        2
    } else if near(at.x, card.left()) {
        1
    } else {
        3
    }
}

/// A reporting line as a connector glued to both cards: an elbow
/// (PowerPoint's bent connector, turned to go down first) or a rail, as
/// PowerPoint routes connectors, and any other route as drawn.
fn connector(
    out: &mut String,
    next_id: &mut u32,
    edge: &EdgePath,
    [(from, from_card), (to, to_card)]: [(u32, Rect); 2],
    (at, palette): (&Place, &Palette),
) {
    let points: Vec<Pos2> = edge.points.iter().map(|p| at.at(*p)).collect();
    let (Some(&start), Some(&end)) = (points.first(), points.last()) else {
        return;
    };
    let dotted = edge.kind == LineKind::Dotted;
    let colour = if dotted {
        palette.dotted_line
    } else {
        palette.direct_line
    };
    let dash = if dotted {
        r#"<a:prstDash val="dash"/>"#
    } else {
        ""
    };
    let geometry = geometry(edge, &points, start, end);
    // The sites the line leaves and reaches, from the layout's cards.
    let _ = write!(
        out,
        r#"<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{}" name="Line"/><p:cNvCxnSpPr><a:stCxn id="{from}" idx="{}"/><a:endCxn id="{to}" idx="{}"/></p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr><p:spPr>{geometry}<a:ln w="{}">{}{dash}</a:ln></p:spPr></p:cxnSp>"#,
        *next_id,
        site(start, from_card),
        site(end, to_card),
        emu((palette.line_width * at.scale).max(1.0)),
        fill(colour),
    );
    *next_id += 1;
}

/// The connector's place and shape: PowerPoint's bent connectors for a
/// line that goes down first (an elbow, or a rail and across), turned a
/// quarter and flipped to run from `start` to `end`; a straight one for a
/// line straight down; any other route as drawn (a custom path).
fn geometry(edge: &EdgePath, points: &[Pos2], start: Pos2, end: Pos2) -> String {
    let (dx, dy) = (end.x - start.x, end.y - start.y);
    let down_first = points.len() > 1 && (points[1].x - start.x).abs() < 0.5 && dy > 0.5;
    let preset = match (edge.via, points.len()) {
        (Via::Elbow, 4) if down_first => Some("bentConnector3"),
        (Via::Rail, 3) if down_first => Some("bentConnector2"),
        _ => None,
    };
    if down_first && dx.abs() < 0.5 && points.iter().all(|p| (p.x - start.x).abs() < 0.5) {
        return format!(
            r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="0" cy="{}"/></a:xfrm><a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>"#,
            emu(start.x),
            emu(start.y),
            emu(dy)
        );
    }
    if let Some(preset) = preset {
        let centre = pos2(f32::midpoint(start.x, end.x), f32::midpoint(start.y, end.y));
        let (w, h) = (dy, dx.abs());
        let flip = if dx > 0.0 { r#" flipV="1""# } else { "" };
        return format!(
            r#"<a:xfrm rot="5400000"{flip}><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom>"#,
            emu(centre.x - w / 2.0),
            emu(centre.y - h / 2.0),
            emu(w).max(1),
            emu(h).max(1)
        );
    }
    let bounds = points
        .iter()
        .fold(Rect::NOTHING, |r, p| r.union(Rect::from_min_max(*p, *p)));
    let (w, h) = (emu(bounds.width()).max(1), emu(bounds.height()).max(1));
    let mut path = String::new();
    for (i, p) in points.iter().enumerate() {
        let tag = if i == 0 { "moveTo" } else { "lnTo" };
        let _ = write!(
            path,
            r#"<a:{tag}><a:pt x="{}" y="{}"/></a:{tag}>"#,
            emu(p.x - bounds.min.x),
            emu(p.y - bounds.min.y)
        );
    }
    format!(
        r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="{w}" h="{h}" fill="none">{path}</a:path></a:pathLst></a:custGeom>"#,
        emu(bounds.min.x),
        emu(bounds.min.y)
    )
}
