"""Reads a PowerPoint deck with python-pptx (PyPI) and prints, as JSON, each
slide's title, notes and shapes: kind, name, text, place (points), the font
sizes of its runs, a table's cells, a connector's ends. The Rust tests read
this: they check the deck the way PowerPoint users' tools see it, not the
way Chartroom wrote it."""

import json
import sys

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.shapes.connector import Connector
from pptx.util import Emu


def points(value):
    return None if value is None else round(Emu(value).pt, 2)


def sizes(text_frame):
    return sorted(
        {
            run.font.size.pt
            for paragraph in text_frame.paragraphs
            for run in paragraph.runs
            if run.font.size is not None
        }
    )


NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}


def shape_of(shape):
    out = {
        "id": shape.shape_id,
        "name": shape.name,
        "kind": str(shape.shape_type),
        "box": [points(shape.left), points(shape.top), points(shape.width), points(shape.height)],
    }
    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        out["shapes"] = [shape_of(child) for child in shape.shapes]
    if shape.has_text_frame:
        out["text"] = shape.text_frame.text
        out["sizes"] = sizes(shape.text_frame)
    if getattr(shape, "has_table", False) and shape.has_table:
        rows = shape.table.rows
        out["rows"] = [[cell.text for cell in row.cells] for row in rows]
        out["sizes"] = sorted({s for row in rows for cell in row.cells for s in sizes(cell.text_frame)})
        out["bold"] = [
            [any(run.font.bold for p in cell.text_frame.paragraphs for run in p.runs) for cell in row.cells]
            for row in rows
        ]
    if isinstance(shape, Connector):
        out["begin"] = [points(shape.begin_x), points(shape.begin_y)]
        out["end"] = [points(shape.end_x), points(shape.end_y)]
        element = shape._element
        glued = [element.find(".//a:" + tag, NS) for tag in ("stCxn", "endCxn")]
        out["glued"] = [None if g is None else int(g.get("id")) for g in glued]
        out["dashed"] = element.find(".//a:prstDash", NS) is not None
    return out


deck = Presentation(sys.argv[1])
slides = []
for slide in deck.slides:
    title = slide.shapes.title
    notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
    slides.append(
        {
            "title": title.text if title is not None else None,
            "notes": notes,
            "shapes": [shape_of(shape) for shape in slide.shapes],
        }
    )
print(
    json.dumps(
        {
            "size": [points(deck.slide_width), points(deck.slide_height)],
            "title": deck.core_properties.title,
            "slides": slides,
        }
    )
)
