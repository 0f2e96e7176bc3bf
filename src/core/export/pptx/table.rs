//! A table on a slide as PowerPoint's own table (a `graphicFrame` holding
//! an `a:tbl`): its cells are text a board secretary can edit, restyle and
//! resize in PowerPoint. Used for the scenarios slides.

use std::fmt::Write;

use super::super::xml;
use crate::core::impact::TableRow;

/// Text size of the table, in points: readable from the end of a table.
pub(super) const TABLE_PT: u32 = 12;
/// Height of one row, in EMU (20 pt).
pub(super) const ROW_EMU: i64 = 254_000;

/// The heading row's fill, and every other row's.
const HEAD_FILL: &str = "D9DEE6";
const BAND_FILL: &str = "F0F2F5";

/// A table's rows on one slide: the headings, then the rows shown.
pub(super) struct SlideTable {
    /// Column headings: what is counted (blank), then each model.
    pub columns: Vec<String>,
    /// The rows on this slide.
    pub rows: Vec<TableRow>,
}

/// One cell: its text in a paragraph, bold or not, aligned left (the
/// labels) or right (the figures).
fn cell(out: &mut String, text: &str, bold: bool, right: bool, fill: Option<&str>) {
    let b = if bold { r#" b="1""# } else { "" };
    let algn = if right { r#" algn="r""# } else { "" };
    let _ = write!(
        out,
        r#"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr{algn}/><a:r><a:rPr lang="en-GB" sz="{}"{b} dirty="0"/><a:t>{}</a:t></a:r></a:p></a:txBody><a:tcPr marL="64008" marR="64008" marT="12700" marB="12700" anchor="ctr">"#,
        TABLE_PT * 100,
        xml(text)
    );
    if let Some(fill) = fill {
        let _ = write!(
            out,
            r#"<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>"#
        );
    }
    out.push_str("</a:tcPr></a:tc>");
}

/// The table as a graphic frame at `place` (EMU): the first column
/// `label_share` of the width, the others sharing the rest. Figures that
/// differ from the first column's are bold; every other row banded.
pub(super) fn table_frame(
    out: &mut String,
    id: u32,
    place: (i64, i64, i64, i64),
    table: &SlideTable,
) {
    let (x, y, w, _) = place;
    let label_w = w * 2 / 5;
    let figures = i64::try_from(table.columns.len().max(1)).unwrap_or(1);
    let column_w = (w - label_w) / figures;
    let h = ROW_EMU * i64::try_from(table.rows.len() + 1).unwrap_or(1);
    let _ = write!(
        out,
        r#"<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{id}" name="Scenarios table"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{}" cy="{h}"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid><a:gridCol w="{label_w}"/>"#,
        label_w + column_w * figures
    );
    for _ in 0..figures {
        let _ = write!(out, r#"<a:gridCol w="{column_w}"/>"#);
    }
    let _ = write!(out, r#"</a:tblGrid><a:tr h="{ROW_EMU}">"#);
    cell(out, "", true, false, Some(HEAD_FILL));
    for column in &table.columns {
        cell(out, column, true, true, Some(HEAD_FILL));
    }
    out.push_str("</a:tr>");
    for (i, row) in table.rows.iter().enumerate() {
        let fill = (i % 2 == 1).then_some(BAND_FILL);
        let _ = write!(out, r#"<a:tr h="{ROW_EMU}">"#);
        cell(out, &row.label, false, false, fill);
        for (c, value) in row.cells.iter().enumerate() {
            cell(out, value, row.differs(c), true, fill);
        }
        out.push_str("</a:tr>");
    }
    out.push_str("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>");
}
