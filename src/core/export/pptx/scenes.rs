//! What each scene's slides hold: its chart(s) as shapes (split over
//! slides when their text would be under 12 pt) or, with `--pictures`, as
//! one picture; the title, caption and lines of text; and after the
//! scenes, the scenarios tables.

use super::super::sheet::{Badges, chart_in_box, finding_lines, page_box, scene_model};
use super::super::{RenderError, png};
use super::table::{ROW_EMU, SlideTable};
use super::{Body, EMU_PER_PT, Ink, PICTURE_BOX, SLIDE, Slide, shaped};
use crate::core::diff;
use crate::core::theme::Palette;
use crate::core::workspace::{Model, Scene, Workspace};

/// How much larger than its place on the slide the picture is drawn.
const PICTURE_SCALE: f32 = 4.0;
/// Change sentences named under a comparison; the rest are counted.
const CHANGES_SHOWN: usize = 4;

/// What a slide shows: one model (cut to the scene's focus), or two and
/// what changes between them (worked out once for the picture, the lines
/// and the caption).
enum Shown<'a> {
    One(Model),
    Pair([&'a Model; 2], diff::ModelDiff),
}

impl<'a> Shown<'a> {
    fn of(workspace: &'a Workspace, scene: &Scene) -> Option<Self> {
        match scene.pair(workspace) {
            Some((a, b)) => Some(Self::Pair([a, b], diff::diff(a, b))),
            None => scene_model(workspace, scene).map(Self::One),
        }
    }

    /// Refuses, as the board pack does, a chart too big for a picture.
    fn fits(&self) -> Result<(), RenderError> {
        match self {
            Self::One(model) => super::super::picture_fits(&model.chart),
            Self::Pair(models, _) => models
                .iter()
                .try_for_each(|m| super::super::picture_fits(&m.chart)),
        }
    }

    /// The picture as SVG, the size of its place on the slide in points:
    /// one chart, or two side by side with the changes marked.
    fn picture_svg(&self, palette: &Palette) -> String {
        let (w, h) = (
            (PICTURE_BOX.2 / EMU_PER_PT) as f32,
            (PICTURE_BOX.3 / EMU_PER_PT) as f32,
        );
        let mut body = String::new();
        match self {
            Self::Pair([a, b], changes) => {
                let gap = 24.0;
                let half = (w - gap) / 2.0;
                let left = diff::badge_labels(&changes.left_marks);
                let right = diff::badge_labels(&changes.right_marks);
                chart_in_box(
                    &mut body,
                    (a, &left, None),
                    palette,
                    page_box(0.0, 0.0, half, h),
                    true,
                );
                let right_box = page_box(half + gap, 0.0, half, h);
                chart_in_box(&mut body, (b, &right, None), palette, right_box, true);
            }
            Self::One(model) => {
                let place = page_box(0.0, 0.0, w, h);
                chart_in_box(
                    &mut body,
                    (model, &Badges::new(), None),
                    palette,
                    place,
                    false,
                );
            }
        }
        super::super::svg::document(page_box(0.0, 0.0, w, h), palette.background, None, &body)
    }

    /// The lines under the picture: the findings on a model's scene, the
    /// changes on a comparison.
    fn lines(&self) -> Vec<String> {
        match self {
            Self::Pair(_, changes) => super::super::pages::change_lines(changes, CHANGES_SHOWN),
            Self::One(model) => finding_lines(model),
        }
    }
}

/// The slides of a scene: its chart(s) as shapes (split over slides when
/// their text would be under 12 pt), or as one picture.
pub(super) fn slides_of(
    workspace: &Workspace,
    scene: &Scene,
    palette: &Palette,
    (pictures, first_number): (bool, usize),
) -> Result<Vec<Slide>, RenderError> {
    if pictures {
        return Ok(vec![slide_of(workspace, scene, palette)?]);
    }
    let shown = Shown::of(workspace, scene)
        .ok_or_else(|| RenderError::Svg("the scene names no model of the file".to_owned()))?;
    let (title, caption) = heads(workspace, scene, &shown);
    let notes = scene.notes.clone();
    let lines = shown.lines();
    match shown {
        Shown::One(model) => Ok(shaped::chart_slides(
            &shaped::ChartSlides {
                title,
                caption,
                lines,
                notes,
                model: &model,
                changes: Badges::new(),
                palette,
            },
            first_number,
        )),
        Shown::Pair(models, changes) => Ok(pair_slides(
            (models, &changes),
            (title, caption, lines, notes),
            palette,
            first_number,
        )),
    }
}

/// A comparison's slides: both charts side by side when they fit at 12
/// pt, else each on slides of its own.
fn pair_slides(
    ([a, b], changes): ([&Model; 2], &diff::ModelDiff),
    (title, caption, lines, notes): (String, String, Vec<String>, String),
    palette: &Palette,
    first_number: usize,
) -> Vec<Slide> {
    {
        {
            let marks = [
                diff::badge_labels(&changes.left_marks),
                diff::badge_labels(&changes.right_marks),
            ];
            if shaped::fit_side_by_side([a, b], palette, lines.len()) {
                let mut body = String::new();
                shaped::side_by_side(
                    &mut body,
                    ([a, b], [&marks[0], &marks[1]]),
                    palette,
                    lines.len(),
                );
                return vec![Slide {
                    title,
                    caption,
                    lines,
                    notes,
                    body: Body::Shapes(body),
                    ink: Ink::of(palette),
                }];
            }
            // Too big side by side: each chart on slides of its own.
            let [left_marks, right_marks] = marks;
            let mut slides = shaped::chart_slides(
                &shaped::ChartSlides {
                    title: format!("{title}: {}", a.short_title()),
                    caption,
                    lines,
                    notes,
                    model: a,
                    changes: left_marks,
                    palette,
                },
                first_number,
            );
            slides.extend(shaped::chart_slides(
                &shaped::ChartSlides {
                    title: format!("{title}: {}", b.short_title()),
                    caption: String::new(),
                    lines: Vec::new(),
                    notes: String::new(),
                    model: b,
                    changes: right_marks,
                    palette,
                },
                first_number + slides.len(),
            ));
            slides
        }
    }
}

/// A scene's slide title and caption (a comparison's default caption is
/// its first change, from the diff already made).
fn heads(workspace: &Workspace, scene: &Scene, shown: &Shown<'_>) -> (String, String) {
    let title = match (scene.compare.is_some(), workspace.model_by_id(&scene.model)) {
        (false, Some(model)) if scene.focus.is_none() => model.title.clone(),
        _ => scene.describe(workspace),
    };
    let caption = match shown {
        Shown::Pair(_, changes) if scene.caption.trim().is_empty() => changes.first_change(),
        _ => scene.caption(workspace),
    };
    (title, caption)
}

/// A scene's slide with its chart(s) as one picture (`--pictures`).
fn slide_of(workspace: &Workspace, scene: &Scene, palette: &Palette) -> Result<Slide, RenderError> {
    let shown = Shown::of(workspace, scene)
        .ok_or_else(|| RenderError::Svg("the scene names no model of the file".to_owned()))?;
    shown.fits()?;
    let (title, caption) = heads(workspace, scene, &shown);
    Ok(Slide {
        body: Body::Picture {
            png: png(&shown.picture_svg(palette), PICTURE_SCALE)?,
            alt: format!("Org chart: {title}"),
        },
        title,
        caption,
        lines: shown.lines(),
        notes: scene.notes.clone(),
        ink: Ink::of(palette),
    })
}

/// The scenarios tables, each over as many slides as its rows need at
/// [`table::TABLE_PT`], the headings on every slide.
pub(super) fn table_slides(workspace: &Workspace) -> Vec<Slide> {
    let room = SLIDE.1 - PICTURE_BOX.1 - 320_000;
    let per_slide = usize::try_from(room / ROW_EMU - 1).unwrap_or(1).max(1);
    let mut slides = Vec::new();
    for (title, table) in super::super::scenario_tables(workspace) {
        let parts = table.rows.chunks(per_slide).count();
        for (i, rows) in table.rows.chunks(per_slide).enumerate() {
            let title = if parts > 1 {
                format!("{title} ({} of {parts})", i + 1)
            } else {
                title.clone()
            };
            slides.push(Slide {
                title,
                caption: "Each scenario against its baseline (the first column): figures that differ are in bold.".to_owned(),
                lines: Vec::new(),
                notes: String::new(),
                body: Body::Table(SlideTable {
                    columns: table.columns.clone(),
                    rows: rows.to_vec(),
                }),
                ink: Ink::of(&Palette::light()),
            });
        }
    }
    slides
}
