//! Painting the canvas: lines, cards, handles and the rubber band. Pure
//! drawing from what the canvas worked out; no input is read here.

use std::collections::{HashMap, HashSet};

use egui::emath::TSTransform;
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2,
    vec2,
};

use crate::core::analysis::{Grade, phrase_key};
use crate::core::layout::{self, Layout, metrics};
use crate::core::model::{Leader, LeaderId, LineKind, Raci};
use crate::core::text::visible;

use super::canvas::{CanvasView, Selection};
use super::theme::Theme;

/// Everything one frame of the canvas draws.
pub struct Frame<'a> {
    /// Chart to screen.
    pub screen_from_chart: TSTransform,
    /// Leaders in layout order.
    pub leaders: &'a [&'a Leader],
    /// The layout (for line kinds and ends).
    pub layout: &'a Layout,
    /// Card rectangles in chart space, with a dragged card at its drag position.
    pub rects: &'a [Rect],
    /// Visible handles: screen position, hovered.
    pub handles: &'a [(Pos2, bool)],
    /// The card a drop would land on.
    pub drop_target: Option<&'a LeaderId>,
    /// A line being drawn: from, to (screen), dotted.
    pub rubber_band: Option<(Pos2, Pos2, bool)>,
}

/// Radius of the line-end and connector handles at zoom 1, in points.
pub const HANDLE_RADIUS: f32 = 6.0;

/// Paints one frame of the canvas.
pub fn paint_canvas(painter: &Painter, view: &CanvasView<'_>, frame: &Frame<'_>) {
    let theme = view.theme;
    painter.rect_filled(painter.clip_rect(), CornerRadius::ZERO, theme.canvas_bg);
    let marks = Marks::of(view);
    paint_lines(painter, view, frame, &marks);

    let t = frame.screen_from_chart;
    for (i, leader) in frame.leaders.iter().enumerate() {
        let screen = t * frame.rects[i];
        if !screen.intersects(painter.clip_rect()) {
            continue;
        }
        let style = CardStyle {
            selected: view.selection == Some(&Selection::Leader(leader.id.clone())),
            drop_target: frame.drop_target == Some(&leader.id),
            dimmed: marks.dimmed(&leader.id),
            shared: marks.shared.get(&leader.id).copied().unwrap_or(0),
            conflicts: marks.conflicts.get(&leader.id).copied().unwrap_or(0),
            labels: view
                .badges
                .and_then(|b| b.get(&leader.id))
                .map_or(&[][..], Vec::as_slice),
        };
        paint_card(
            painter,
            theme,
            screen,
            t.scaling,
            leader,
            &marks.grades,
            &style,
        );
    }

    let radius = (HANDLE_RADIUS * t.scaling).clamp(3.0, HANDLE_RADIUS);
    for (at, hovered) in frame.handles {
        let r = if *hovered { radius * 1.4 } else { radius };
        painter.circle(*at, r, theme.card_fill, theme.direct_line);
    }

    if let Some((from, to, dotted)) = frame.rubber_band {
        let stroke = Stroke::new(2.0, theme.selection.color);
        if dotted {
            painter.extend(Shape::dashed_line(&[from, to], stroke, 8.0, 6.0));
        } else {
            painter.line_segment([from, to], stroke);
        }
    }
}

/// Per-leader marks, looked up once a frame (a chart may hold many
/// thousands of leaders and an overlap as many holders).
struct Marks<'a> {
    /// How many overlaps (responsibilities held by several) each leader is part of.
    shared: HashMap<&'a LeaderId, usize>,
    /// How many of those are conflicts (several accountable).
    conflicts: HashMap<&'a LeaderId, usize>,
    /// The grade of each graded responsibility, by key.
    grades: HashMap<&'a str, Grade>,
    /// The spotlighted leaders, if a spotlight is on.
    spotlight: Option<HashSet<&'a LeaderId>>,
}

impl<'a> Marks<'a> {
    fn of(view: &CanvasView<'a>) -> Self {
        let mut shared = HashMap::new();
        let mut conflicts = HashMap::new();
        for finding in view.findings.iter().filter(|f| f.holders.len() > 1) {
            for (holder, _) in &finding.holders {
                *shared.entry(holder).or_insert(0) += 1;
                if finding.grade == Grade::Conflict {
                    *conflicts.entry(holder).or_insert(0) += 1;
                }
            }
        }
        let grades = view
            .findings
            .iter()
            .map(|f| (f.key.as_str(), f.grade))
            .collect();
        let spotlight = view.spotlight.map(|s| s.iter().collect());
        Self {
            shared,
            conflicts,
            grades,
            spotlight,
        }
    }

    fn dimmed(&self, id: &LeaderId) -> bool {
        self.spotlight.as_ref().is_some_and(|s| !s.contains(id))
    }
}

fn paint_lines(painter: &Painter, view: &CanvasView<'_>, frame: &Frame<'_>, marks: &Marks<'_>) {
    let theme = view.theme;
    let selected_line = match view.selection {
        Some(Selection::Line(line)) => Some(line),
        _ => None,
    };
    for edge in &frame.layout.edges {
        let (manager, report) = (&frame.leaders[edge.from].id, &frame.leaders[edge.to].id);
        let reach = frame.rects[edge.from].union(frame.rects[edge.to]);
        if edge.kind == LineKind::Direct
            && !(frame.screen_from_chart * reach).intersects(painter.clip_rect())
        {
            continue; // off screen
        }
        let points: Vec<Pos2> =
            layout::route(frame.rects, edge.from, edge.to, edge.kind, edge.beside)
                .into_iter()
                .map(|p| frame.screen_from_chart * p)
                .collect();
        let mut stroke = match edge.kind {
            LineKind::Direct => theme.direct_line,
            LineKind::Dotted => theme.dotted_line,
        };
        if selected_line
            .is_some_and(|l| l.kind == edge.kind && l.manager == *manager && l.report == *report)
        {
            stroke = Stroke::new(stroke.width + 2.0, theme.selection.color);
        }
        if marks.dimmed(manager) || marks.dimmed(report) {
            stroke.color = stroke.color.gamma_multiply(theme.dim);
        }
        match edge.kind {
            LineKind::Direct => {
                painter.add(Shape::line(points, stroke));
            }
            LineKind::Dotted => {
                painter.extend(Shape::dashed_line(&points, stroke, 8.0, 6.0));
            }
        }
    }
}

struct CardStyle<'a> {
    selected: bool,
    drop_target: bool,
    dimmed: bool,
    shared: usize,
    conflicts: usize,
    /// Extra badges along the bottom edge (compare view).
    labels: &'a [String],
}

/// Scales a length in points by the zoom and makes it a corner radius.
fn corner(points: f32, zoom: f32) -> CornerRadius {
    CornerRadius::same((points * zoom).clamp(0.0, 255.0) as u8)
}

fn paint_card(
    painter: &Painter,
    theme: &Theme,
    rect: Rect,
    zoom: f32,
    leader: &Leader,
    grades: &HashMap<&str, Grade>,
    style: &CardStyle<'_>,
) {
    let fade = |c: Color32| {
        if style.dimmed {
            c.gamma_multiply(theme.dim)
        } else {
            c
        }
    };
    let radius = corner(6.0, zoom);
    let role_colour = theme.role_colour(leader.role);
    painter.rect(
        rect,
        radius,
        fade(theme.card_fill),
        theme.card_stroke,
        StrokeKind::Inside,
    );
    let stripe = Rect::from_min_max(rect.min, pos2(rect.min.x + 5.0 * zoom, rect.max.y));
    painter.rect_filled(
        stripe,
        CornerRadius {
            nw: radius.nw,
            sw: radius.sw,
            ne: 0,
            se: 0,
        },
        fade(role_colour),
    );
    let outline = if style.drop_target {
        Some(theme.drop_target)
    } else if style.selected {
        Some(theme.selection)
    } else {
        None
    };
    if let Some(stroke) = outline {
        painter.rect_stroke(rect.expand(2.0), radius, stroke, StrokeKind::Outside);
    }
    paint_badges(painter, theme, rect, zoom, style, &fade);
    if theme.card_font * zoom < 4.0 {
        return; // Too small to read: the card's colour and shape say enough.
    }
    let painter = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let text_top = paint_card_header(&painter, theme, rect, zoom, leader, &fade);
    let block = TextBlock {
        rect,
        top: text_top,
        zoom,
    };
    paint_responsibilities(&painter, theme, &block, leader, grades, &fade);
}

/// Role badge, name and title; returns where the responsibilities start.
fn paint_card_header(
    painter: &Painter,
    theme: &Theme,
    rect: Rect,
    zoom: f32,
    leader: &Leader,
    fade: &dyn Fn(Color32) -> Color32,
) -> f32 {
    let font = theme.card_font * zoom;
    let pad = 12.0 * zoom;
    let origin = rect.min + vec2(pad, pad);
    let badge_text = painter.layout_no_wrap(
        leader.role.badge().to_owned(),
        FontId::proportional(font * 0.8),
        Color32::WHITE,
    );
    let badge = Rect::from_min_size(origin, badge_text.size() + vec2(10.0, 4.0) * zoom);
    painter.rect_filled(
        badge,
        corner(4.0, zoom),
        fade(theme.role_colour(leader.role)),
    );
    painter.galley(
        badge.min + vec2(5.0, 2.0) * zoom,
        badge_text,
        fade(Color32::WHITE),
    );
    let name = painter.layout(
        visible(&leader.name).into_owned(),
        FontId::proportional(font * 1.15),
        fade(theme.text),
        rect.right() - badge.right() - pad * 1.6,
    );
    let first_row = name.rows.first().map_or(0.0, |r| r.height());
    let name_pos = pos2(
        badge.right() + 6.0 * zoom,
        origin.y + (badge.height() - first_row) / 2.0,
    );
    painter.galley(name_pos, name, fade(theme.text));
    // From here on, lines follow the layout's text metrics, as the card's
    // size and the exported pictures do: the text fits the card exactly.
    let mut y = origin.y + metrics::HEADER_H * zoom;
    let width = rect.width() / zoom;
    for line in metrics::title_lines(&leader.title, width) {
        let text = painter.layout_no_wrap(
            line,
            FontId::proportional(font * 0.9),
            fade(theme.weak_text),
        );
        let centre = (metrics::LINE_H * zoom - text.size().y) / 2.0;
        painter.galley(pos2(origin.x, y + centre), text, fade(theme.weak_text));
        y += metrics::LINE_H * zoom;
    }
    y
}

/// Badges on the card's top edge: "N shared", and "N conflict" when any of
/// those have several accountable leaders. Words and counts, not colour alone.
fn paint_badges(
    painter: &Painter,
    theme: &Theme,
    rect: Rect,
    zoom: f32,
    style: &CardStyle<'_>,
    fade: &dyn Fn(Color32) -> Color32,
) {
    let font = theme.card_font * zoom;
    if font < 4.0 {
        return;
    }
    let mut left = rect.left() + 14.0 * zoom;
    for label in style.labels {
        let text = painter.layout_no_wrap(
            label.clone(),
            FontId::proportional(font * 0.85),
            theme.overlap_text,
        );
        let size = text.size() + vec2(10.0, 4.0) * zoom;
        // Just under the card, clear of its text.
        let badge = Rect::from_min_size(pos2(left, rect.bottom() + 3.0 * zoom), size);
        painter.rect_filled(badge, corner(8.0, zoom), fade(theme.change));
        painter.galley(
            badge.min + vec2(5.0, 2.0) * zoom,
            text,
            fade(theme.overlap_text),
        );
        left = badge.right() + 4.0 * zoom;
    }
    let mut right = rect.right() - 14.0 * zoom;
    let conflict_word = if style.conflicts == 1 {
        "conflict"
    } else {
        "conflicts"
    };
    let badges = [
        (style.conflicts, conflict_word, theme.conflict),
        (style.shared, "shared", theme.overlap),
    ];
    for (count, word, fill) in badges {
        if count == 0 {
            continue;
        }
        let text = painter.layout_no_wrap(
            format!("{count} {word}"),
            FontId::proportional(font * 0.8),
            theme.overlap_text,
        );
        let size = text.size() + vec2(10.0, 4.0) * zoom;
        let badge = Rect::from_min_size(pos2(right - size.x, rect.top() - size.y * 0.5), size);
        painter.rect_filled(badge, corner(8.0, zoom), fade(fill));
        painter.galley(
            badge.min + vec2(5.0, 2.0) * zoom,
            text,
            fade(theme.overlap_text),
        );
        right = badge.left() - 4.0 * zoom;
    }
}

/// Where a card's text goes.
struct TextBlock {
    rect: Rect,
    top: f32,
    zoom: f32,
}

/// The marker for a graded responsibility: a triangle for a conflict, a
/// diamond for a shared one, a ring for a gap, a dot otherwise. The shape
/// carries the meaning; the colour repeats it.
fn paint_marker(
    painter: &Painter,
    theme: &Theme,
    at: Pos2,
    zoom: f32,
    grade: Option<Grade>,
    fade: &dyn Fn(Color32) -> Color32,
) {
    let s = 4.0 * zoom;
    match grade {
        Some(Grade::Conflict) => {
            painter.add(Shape::convex_polygon(
                vec![
                    at + vec2(0.0, -s * 1.1),
                    at + vec2(s * 1.1, s * 0.9),
                    at + vec2(-s * 1.1, s * 0.9),
                ],
                fade(theme.conflict),
                Stroke::NONE,
            ));
        }
        Some(Grade::Shared) => {
            painter.add(Shape::convex_polygon(
                vec![
                    at + vec2(0.0, -s),
                    at + vec2(s, 0.0),
                    at + vec2(0.0, s),
                    at + vec2(-s, 0.0),
                ],
                fade(theme.overlap),
                Stroke::NONE,
            ));
        }
        Some(Grade::Gap) => {
            painter.circle_stroke(at, s * 0.9, Stroke::new(1.5 * zoom, fade(theme.gap)));
        }
        None => {
            painter.circle_filled(at, 2.0 * zoom, fade(theme.weak_text));
        }
    }
}

fn paint_responsibilities(
    painter: &Painter,
    theme: &Theme,
    block: &TextBlock,
    leader: &Leader,
    grades: &HashMap<&str, Grade>,
    fade: &dyn Fn(Color32) -> Color32,
) {
    let zoom = block.zoom;
    let font = theme.card_font * zoom;
    let pad = metrics::PAD * zoom;
    let line_h = metrics::LINE_H * zoom;
    let wrap = block.rect.width() - 2.0 * pad;
    let marker_w = 14.0 * zoom;

    let mut cursor = pos2(block.rect.left() + pad, block.top);
    for assignment in &leader.responsibilities {
        let grade = grades.get(phrase_key(&assignment.phrase).as_str()).copied();
        let colour = if grade.is_some() {
            theme.text
        } else {
            theme.weak_text
        };
        let lines = metrics::phrase_lines(&assignment.phrase, block.rect.width() / zoom);
        let row = Rect::from_min_size(cursor, vec2(wrap, lines.len() as f32 * line_h));
        let row_fill = match grade {
            Some(Grade::Conflict) => Some(theme.conflict_row),
            Some(Grade::Shared) => Some(theme.overlap_row),
            Some(Grade::Gap) => Some(theme.gap_row),
            None => None,
        };
        if let Some(fill) = row_fill {
            painter.rect_filled(row.expand(1.0 * zoom), corner(3.0, zoom), fade(fill));
        }
        let middle = cursor.y + line_h / 2.0;
        paint_marker(
            painter,
            theme,
            pos2(cursor.x + marker_w * 0.4, middle),
            zoom,
            grade,
            fade,
        );
        let letter_box = Rect::from_min_size(
            pos2(cursor.x + marker_w, cursor.y + 2.0 * zoom),
            vec2(14.0, 13.0) * zoom,
        );
        let accountable = assignment.raci == Raci::Accountable;
        painter.rect_stroke(
            letter_box,
            corner(2.0, zoom),
            Stroke::new(zoom, fade(theme.weak_text)),
            StrokeKind::Inside,
        );
        painter.text(
            letter_box.center(),
            Align2::CENTER_CENTER,
            assignment.raci.letter(),
            FontId::proportional(font * if accountable { 0.8 } else { 0.75 }),
            fade(if accountable {
                theme.text
            } else {
                theme.weak_text
            }),
        );
        for (i, line) in lines.into_iter().enumerate() {
            let text = painter.layout_no_wrap(line, FontId::proportional(font), fade(colour));
            let centre = (line_h - text.size().y) / 2.0;
            let at = pos2(
                block.rect.left() + pad + metrics::ROW_PREFIX * zoom,
                cursor.y + i as f32 * line_h + centre,
            );
            painter.galley(at, text, fade(colour));
        }
        cursor.y = row.bottom();
    }
}
