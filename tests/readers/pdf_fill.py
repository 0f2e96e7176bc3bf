"""Reads a PDF with pdfplumber (PyPI) and prints, as JSON, for each page
the share of its paper inside the margins that its drawing covers: the
bounding box of every shape on it (cards, badges, lines; the page's own
background left out) over the area within `margin` points of the edges.
A page holding one small part among white space scores low."""

import json
import sys

import pdfplumber

margin = float(sys.argv[2]) if len(sys.argv) > 2 else 28.0
shares = []
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        width, height = float(page.width), float(page.height)
        boxes = [
            (s["x0"], s["top"], s["x1"], s["bottom"])
            for s in list(page.rects) + list(page.curves) + list(page.lines)
            if not (s["x1"] - s["x0"] > width - 1 and s["bottom"] - s["top"] > height - 1)
        ]
        if not boxes:
            shares.append(0.0)
            continue
        x0 = min(b[0] for b in boxes)
        top = min(b[1] for b in boxes)
        x1 = max(b[2] for b in boxes)
        bottom = max(b[3] for b in boxes)
        inside = (width - 2 * margin) * (height - 2 * margin)
        shares.append(round((x1 - x0) * (bottom - top) / inside, 3))
print(json.dumps(shares))
