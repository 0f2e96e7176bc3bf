//! `chartroom export`: one model as SVG, PNG or CSV; the whole document as
//! the PDF board pack or PowerPoint slides.

use std::io::Write;

use super::{Command, ExportFormat};
use crate::core::export::{self, PackOptions};
use crate::core::presets;
use crate::core::safe_write::{self, Backup};

/// `export`: the request from the command line, then the export.
pub(super) fn export_command(command: &Command, out: &mut dyn Write) -> std::io::Result<()> {
    let Command::Export {
        input,
        model,
        pictures,
        format,
        theme,
        scale,
        outlines,
        title,
        subtitle,
        author,
        date,
        page,
        landscape,
        compare,
        output,
    } = command
    else {
        return Ok(());
    };
    // What the command line says; the rest comes from the file.
    let pack = PackOptions {
        title: title.clone().unwrap_or_default(),
        subtitle: subtitle.clone(),
        author: author.clone(),
        date: date.clone(),
        compare: compare.clone(),
        pictures: *pictures,
        landscape: *landscape,
        ..PackOptions::default()
    };
    let request = ExportRequest {
        input,
        model: model.as_deref(),
        format: *format,
        palette: theme.palette(),
        scale: *scale,
        outlines: *outlines,
        pack,
        page: *page,
    };
    export(&request, output, out)
}

/// What `export` was asked for.
struct ExportRequest<'a> {
    input: &'a str,
    model: Option<&'a str>,
    format: ExportFormat,
    palette: crate::core::theme::Palette,
    scale: f32,
    outlines: bool,
    pack: PackOptions,
    /// The paper, if the command line names one (else the file's).
    page: Option<export::PageSize>,
}

fn export(
    request: &ExportRequest<'_>,
    output: &std::path::Path,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let fail = |e: &dyn std::fmt::Display| std::io::Error::other(e.to_string());
    let deck = matches!(request.format, ExportFormat::Pdf | ExportFormat::Pptx);
    let bytes = if deck {
        deck_bytes(request)?
    } else {
        let spec = match request.model {
            Some(id) if !request.input.starts_with("preset:") => format!("{}#{id}", request.input),
            _ => request.input.to_owned(),
        };
        let model = presets::load_model(&spec).map_err(|e| fail(&e))?;
        if request.format == ExportFormat::Csv {
            let bytes = crate::core::import::to_csv(&model);
            safe_write::write_atomic(output, &bytes, Backup::None).map_err(|e| fail(&e))?;
            return writeln!(out, "wrote {} ({} bytes)", output.display(), bytes.len());
        }
        if request.format == ExportFormat::Png {
            export::picture_fits(&model.chart).map_err(|e| fail(&e))?;
        }
        let svg = export::svg(&model, &request.palette);
        if request.format == ExportFormat::Png {
            export::png(&svg, request.scale).map_err(|e| fail(&e))?
        } else if request.outlines {
            export::outlined(&svg).map_err(|e| fail(&e))?.into_bytes()
        } else {
            svg.into_bytes()
        }
    };
    safe_write::write_atomic(output, &bytes, Backup::None).map_err(|e| fail(&e))?;
    writeln!(out, "wrote {} ({} bytes)", output.display(), bytes.len())
}

/// The board pack or the deck: the document (or one model of it).
fn deck_bytes(request: &ExportRequest<'_>) -> std::io::Result<Vec<u8>> {
    let fail = |e: &dyn std::fmt::Display| std::io::Error::other(e.to_string());
    let mut workspace = presets::load_input(request.input).map_err(|e| fail(&e))?;
    if let Some(id) = request.model {
        workspace.models.retain(|m| m.id.as_str() == id);
        workspace
            .storyboard
            .retain(|s| s.model.as_str() == id && s.compare.is_none());
        if workspace.models.is_empty() {
            return Err(fail(&format!(
                "{}: no model has the id {id}",
                request.input
            )));
        }
    }
    for id in request.pack.compare.iter().flat_map(|(a, b)| [a, b]) {
        if !workspace.models.iter().any(|m| m.id.as_str() == id) {
            return Err(fail(&format!(
                "--compare: {}: no model has the id {id}",
                request.input
            )));
        }
    }
    let mut pack = request.pack.over(&workspace);
    if let Some(page) = request.page {
        pack.page = page;
    }
    if request.format == ExportFormat::Pptx {
        export::slides_pptx(&workspace, &request.palette, &pack).map_err(|e| fail(&e))
    } else {
        export::board_pack_with(&workspace, &request.palette, &pack).map_err(|e| fail(&e))
    }
}
