//! Parts of a split chart laid out on pages as a designer would: every part
//! at the same readable scale (its smallest text at 9 pt), headed with
//! whose people it shows and where they come from, packed side by side and
//! one under another on as few pages as hold them (first fit: a part goes
//! on the first page with room for it), each row of parts centred.

use emath::Rect;

use super::page::{
    Sheet, chart_top, cut_in, lines_height, part_badges, shown_part_name, with_chart,
};
use super::sheet::{Badges, MIN_PT, PAGE_MARGIN, PackPage, chart_in_box, page_box};
use super::split::Part;
use crate::core::draw;
use crate::core::layout::metrics::{fit_line, wrap_to};
use crate::core::theme::Palette;
use crate::core::workspace::Model;

/// A part's heading: its size and the room it takes above the chart.
const PART_HEAD_PT: f32 = 10.5;
pub(super) const PART_HEAD_H: f32 = 18.0;
/// Each further line of a part's heading.
const PART_HEAD_LINE: f32 = 13.0;
/// Room between parts, across and down.
const GAP_X: f32 = 28.0;
const GAP_Y: f32 = 14.0;

/// What to lay out: a model's parts, with what heads and follows them.
#[derive(Clone, Copy)]
pub(super) struct Job<'a> {
    pub model: &'a Model,
    /// The whole chart's marks, which every part is marked with.
    pub marks: &'a draw::Marks,
    pub parts: &'a [Part],
    /// Change badges (a comparison's), by leader.
    pub changes: &'a Badges,
    pub heading: &'a str,
    pub caption: &'a str,
    /// Lines under the first part (its findings), on the first page.
    pub lines: &'a [String],
    pub palette: &'a Palette,
    pub page: (f32, f32),
    /// The number of the first page.
    pub first_page: usize,
}

/// One part placed: its page (from 0) and its box on it (heading
/// included).
#[derive(Clone, Copy, Debug)]
pub(super) struct Placed {
    pub page: usize,
    pub rect: Rect,
}

/// A page being filled, bottom-left first: its skyline (segments of the
/// lowest free height across the page), and what is on it.
struct Fill {
    top: f32,
    bottom: f32,
    /// (left, width, height reached), left to right, covering the width.
    skyline: Vec<(f32, f32, f32)>,
    items: Vec<(usize, f32, f32)>,
}

impl Fill {
    fn new(top: f32, bottom: f32, width: f32) -> Self {
        Self {
            top,
            bottom,
            skyline: vec![(0.0, width, top)],
            items: Vec::new(),
        }
    }

    /// Puts a `w` x `h` box at the lowest place it fits (the leftmost of
    /// those), or says there is none.
    fn place(&mut self, part: usize, (w, h): (f32, f32), width: f32) -> bool {
        let mut best: Option<(f32, f32)> = None;
        // Against the left of each stretch of the skyline, or flush with
        // its right (where the page's edge or a taller box ends it).
        let candidates: Vec<f32> = self
            .skyline
            .iter()
            .flat_map(|&(sx, sw, _)| [sx, (sx + sw).min(width) - w])
            .filter(|&left| left >= 0.0 && left + w <= width + 0.01)
            .collect();
        for left in candidates {
            let floor = self
                .skyline
                .iter()
                .filter(|&&(sx, sw, _)| sx < left + w && sx + sw > left)
                .map(|&(_, _, sy)| sy)
                .fold(self.top, f32::max);
            let top = if floor > self.top {
                floor + GAP_Y
            } else {
                floor
            };
            if top + h <= self.bottom && best.is_none_or(|(_, lowest)| top < lowest) {
                best = Some((left, top));
            }
        }
        let Some((left, top)) = best else {
            return false;
        };
        self.items.push((part, left, top));
        self.raise(left, w + GAP_X, top + h);
        true
    }

    /// The skyline after a box from `x`, `w` wide, reaching down to `y`.
    fn raise(&mut self, x: f32, w: f32, y: f32) {
        let mut next = Vec::with_capacity(self.skyline.len() + 2);
        for &(sx, sw, sy) in &self.skyline {
            let end = sx + sw;
            if end <= x || sx >= x + w {
                next.push((sx, sw, sy));
                continue;
            }
            if sx < x {
                next.push((sx, x - sx, sy));
            }
            if end > x + w {
                next.push((x + w, end - x - w, sy));
            }
        }
        next.push((x, w, y));
        next.sort_by(|a, b| a.0.total_cmp(&b.0));
        self.skyline = next;
    }

    /// How far right the page's boxes reach.
    fn reach(&self, sizes: &[(f32, f32)]) -> f32 {
        self.items
            .iter()
            .map(|&(i, x, _)| x + sizes[i].0)
            .fold(0.0, f32::max)
    }
}

/// The scale every part is drawn at: its smallest text at [`MIN_PT`].
fn readable_scale(palette: &Palette) -> f32 {
    MIN_PT / (palette.card_font * draw::SMALLEST_TEXT)
}

/// Each part's box on the page: its chart at the readable scale, under
/// its heading (wide enough for the heading, but never wider than the
/// page).
fn part_sizes(job: &Job<'_>, width: f32) -> Vec<(f32, f32)> {
    let scale = readable_scale(job.palette);
    job.parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            // As the part is drawn (its badges too, as `chart_in_box`
            // measures it), with the widest "continued" badges it may
            // get: "on page 100" or "on this page".
            let facts = crate::core::facts::Facts::of_part(&part.chart, Some(job.marks));
            let drawn = |here: Option<usize>| {
                let badges = part_badges(part, job.changes, (&|_| 100, here), "page");
                let prims = crate::core::facts::model_drawing_with_badges(
                    &facts,
                    &part.chart,
                    job.palette,
                    &badges,
                );
                draw::extent(&prims)
            };
            let bounds = drawn(None).union(drawn(Some(100))).expand(2.0);
            let (w, h) = (bounds.width() * scale, bounds.height() * scale);
            if i == 0 {
                return (w.min(width), h);
            }
            // The heading with a page number of three digits, as it may
            // be, on up to two lines as wide as the chart, or as wide as
            // two whole lines of it need; the box is as wide as that, so
            // that the heading wraps the same when drawn at its width.
            let heading = part_heading(job, i, Some(100));
            let at = head_width(&heading, w, width);
            let head_h = head_height(head_lines(&heading, at).len());
            (w.max(at).min(width), h + head_h)
        })
        .collect()
}

/// The width a part's heading wraps to: its chart's `w` (at least 120),
/// or wider where two lines of that would not hold it all, up to the
/// page's `width`.
fn head_width(head: &str, w: f32, width: f32) -> f32 {
    let mut at = w.max(120.0).min(width);
    while at < width && wrap_to(head, at, PART_HEAD_PT, true).len() > 2 {
        at = (at + 8.0).min(width);
    }
    at
}

/// A part's heading on at most two lines of `width` (a narrow chart's
/// heading wraps; a word wider than that is not cut but shortened).
fn head_lines(head: &str, width: f32) -> Vec<String> {
    let width = width.max(120.0);
    let mut lines = wrap_to(head, width, PART_HEAD_PT, true);
    if lines.len() > 2 {
        let rest = lines.split_off(1).join(" ");
        lines.push(rest);
    }
    for line in &mut lines {
        *line = fit_line(line, width, PART_HEAD_PT, true);
    }
    lines
}

/// "Jose Garcia's people (from page 3)": whose people a part shows.
fn part_heading(job: &Job<'_>, index: usize, from_page: Option<usize>) -> String {
    let name = shown_part_name(&job.parts[index]);
    match from_page {
        Some(page) => format!("{name}'s people (from page {page})"),
        None => format!("{name}'s people"),
    }
}

/// Where boxes of `sizes` go, first fit over pages (bottom-left first on
/// each), in order: each box's page (from 0) and place, the boxes of a page
/// centred across its `width` together, from `left`. The first page has
/// room from `first.0` down to `first.1`, the others `later`. Returns the
/// places and the number of pages.
pub(super) fn arrange(
    sizes: &[(f32, f32)],
    (left, width): (f32, f32),
    first: (f32, f32),
    later: (f32, f32),
) -> (Vec<Placed>, usize) {
    // In reading order; and the first part first, then the biggest (by
    // area, height or width) first, which fills pages better when big
    // parts come late: whichever needs fewer pages, then leaves fewer
    // pages but the last under half full.
    let in_order: Vec<usize> = (0..sizes.len()).collect();
    let by = |key: &dyn Fn((f32, f32)) -> f32| {
        let mut order = in_order.clone();
        if let Some(rest) = order.get_mut(1..) {
            rest.sort_by(|&a, &b| key(sizes[b]).total_cmp(&key(sizes[a])));
        }
        order
    };
    let orders = [
        in_order.clone(),
        by(&|(w, h)| w * h),
        by(&|(_, h)| h),
        by(&|(w, _)| w),
    ];
    let fills = orders
        .into_iter()
        .map(|order| fill_pages(sizes, &order, width, (first, later)))
        .min_by_key(|fills| (fills.len(), under_half(fills, sizes, width)))
        .unwrap_or_default();
    let mut placed = vec![
        Placed {
            page: 0,
            rect: Rect::NOTHING,
        };
        sizes.len()
    ];
    for (p, fill) in fills.iter().enumerate() {
        let shift = left + (width - fill.reach(sizes)) / 2.0;
        for &(i, x, y) in &fill.items {
            let (pw, ph) = sizes[i];
            placed[i] = Placed {
                page: p,
                rect: page_box(shift + x, y, pw, ph),
            };
        }
    }
    (placed, fills.len())
}

/// How many pages but the last have their boxes' bounds over less than
/// half of the room a page has.
fn under_half(fills: &[Fill], sizes: &[(f32, f32)], width: f32) -> usize {
    let Some((_, but_last)) = fills.split_last() else {
        return 0;
    };
    but_last
        .iter()
        .filter(|fill| {
            let bottom = fill
                .items
                .iter()
                .map(|&(i, _, y)| y + sizes[i].1)
                .fold(fill.top, f32::max);
            let used = fill.reach(sizes) * (bottom - fill.top);
            used < 0.5 * width * (fill.bottom - fill.top)
        })
        .count()
}

/// The pages boxes of `sizes` fill, taken in `order`, first fit.
fn fill_pages(
    sizes: &[(f32, f32)],
    order: &[usize],
    width: f32,
    (first, later): ((f32, f32), (f32, f32)),
) -> Vec<Fill> {
    let mut fills = vec![Fill::new(first.0, first.1, width)];
    for &i in order {
        let size = sizes[i];
        if !fills.iter_mut().any(|f| f.place(i, size, width)) {
            let mut fill = Fill::new(later.0, later.1, width);
            // A box taller than a page (a part is not: each fits one) is
            // put on a page of its own rather than lost.
            if !fill.place(i, size, width) {
                fill.items.push((i, 0.0, fill.top));
            }
            fills.push(fill);
        }
    }
    fills
}

/// How many pages `job.parts` take, packed.
pub(super) fn page_count(job: &Job<'_>) -> usize {
    if job.parts.len() <= 1 {
        return job.parts.len();
    }
    let width = job.page.0 - 2.0 * PAGE_MARGIN;
    let h = job.page.1;
    arrange(
        &part_sizes(job, width),
        (PAGE_MARGIN, width),
        (
            chart_top(job.caption),
            h - PAGE_MARGIN - lines_height(job.lines),
        ),
        (chart_top(""), h - PAGE_MARGIN),
    )
    .1
}

/// A part's heading lines at `at` (its box's top left); returns the room
/// they take.
fn write_head(sheet: &mut Sheet<'_>, head: &[String], at: emath::Pos2, ink: &str) -> f32 {
    for (k, line) in head.iter().enumerate() {
        sheet.raw(&format!(
            r#"<text x="{}" y="{}" font-size="{PART_HEAD_PT}" font-weight="bold" fill="{ink}">{}</text>"#,
            at.x,
            at.y + PART_HEAD_PT + k as f32 * PART_HEAD_LINE,
            super::xml(line)
        ));
    }
    head_height(head.len())
}

/// The room a part's heading of `lines` lines takes above its chart.
fn head_height(lines: usize) -> f32 {
    PART_HEAD_H + PART_HEAD_LINE * (lines as f32 - 1.0)
}

/// The pages of a chart split into `job.parts` (more than one), packed.
pub(super) fn packed_pages(job: &Job<'_>) -> Vec<PackPage> {
    let width = job.page.0 - 2.0 * PAGE_MARGIN;
    let sizes = part_sizes(job, width);
    let h = job.page.1;
    let first_bottom = h - PAGE_MARGIN - lines_height(job.lines);
    let (placed, pages) = arrange(
        &sizes,
        (PAGE_MARGIN, width),
        (chart_top(job.caption), first_bottom),
        (chart_top(""), h - PAGE_MARGIN),
    );
    let page_of = |i: usize| job.first_page + placed[i].page;
    let mut sheets: Vec<Sheet<'_>> = (0..pages)
        .map(|_| Sheet::new(job.page, job.palette))
        .collect();
    for (p, sheet) in sheets.iter_mut().enumerate() {
        if p == 0 {
            sheet.heading(job.heading, job.caption);
            sheet.lines(first_bottom + 24.0, job.lines);
        } else {
            sheet.heading(&format!("{}, continued", job.heading), "");
        }
    }
    let ink = job.palette.text.hex();
    for (i, part) in job.parts.iter().enumerate() {
        let Placed { page, rect } = placed[i];
        let sheet = &mut sheets[page];
        let mut chart_box = rect;
        if i > 0 {
            let from = cut_in(job.parts, i).map(page_of);
            let head = head_lines(&part_heading(job, i, from), rect.width());
            chart_box.min.y += write_head(sheet, &head, rect.min, &ink);
        }
        let badges = part_badges(
            part,
            job.changes,
            (&|next| page_of(next), Some(page_of(i))),
            "page",
        );
        let model = with_chart(job.model, part.chart.clone());
        chart_in_box(
            &mut sheet.body,
            (&model, &badges, Some(job.marks)),
            job.palette,
            chart_box,
            false,
        );
    }
    sheets.into_iter().map(Sheet::finish).collect()
}
