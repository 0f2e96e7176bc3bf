"""Reads a PDF with pdfplumber (PyPI) and prints, as JSON, every run of text
that is not wholly inside the box it starts in: the smallest drawn shape
(a filled rectangle or curve: a card, a badge, a row) that holds the
middle of its first character must hold every character of the run.

A run is a line of characters of one size, each within half an em of the
one before. Also prints how many runs and pages it read, so that a test
can tell "no text at all" from "all text inside"."""

import json
import sys

import pdfplumber

TOLERANCE = 0.6  # points: anti-aliasing and rounding, not overflow


def boxes(page):
    out = []
    for shape in list(page.rects) + list(page.curves):
        # A box is filled; a line (a dotted reporting line's elbow, say) is
        # only stroked, and its bounds are no box for text.
        if not shape.get("fill"):
            continue
        x0, x1, top, bottom = shape["x0"], shape["x1"], shape["top"], shape["bottom"]
        if x1 - x0 > 1 and bottom - top > 1:
            out.append((x0, top, x1, bottom))
    # The page itself holds whatever no shape does.
    out.append((0.0, 0.0, float(page.width), float(page.height)))
    return out


def holder(shapes, x, y):
    best = None
    for box in shapes:
        x0, top, x1, bottom = box
        if x0 <= x <= x1 and top <= y <= bottom:
            if best is None or (x1 - x0) * (bottom - top) < (best[2] - best[0]) * (best[3] - best[1]):
                best = box
    return best


def runs(chars):
    chars = sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"]))
    run = []
    for c in chars:
        if run:
            last = run[-1]
            same_line = abs(c["top"] - last["top"]) < 0.5 and abs(c["size"] - last["size"]) < 0.2
            close = -0.5 <= c["x0"] - last["x1"] < 0.45 * c["size"]
            if not (same_line and close):
                yield run
                run = []
        run.append(c)
    if run:
        yield run


def main(path):
    problems = []
    count = 0
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            shapes = boxes(page)
            for run in runs([c for c in page.chars if c["text"].strip()]):
                count += 1
                first = run[0]
                box = holder(shapes, (first["x0"] + first["x1"]) / 2, (first["top"] + first["bottom"]) / 2)
                x0, top, x1, bottom = box
                outside = [
                    c for c in run
                    if c["x0"] < x0 - TOLERANCE or c["x1"] > x1 + TOLERANCE
                    or c["top"] < top - TOLERANCE or c["bottom"] > bottom + TOLERANCE
                ]
                if outside:
                    problems.append({
                        "page": number,
                        "text": "".join(c["text"] for c in run),
                        "size": round(first["size"], 2),
                        "box": [round(v, 1) for v in box],
                        "ends": [round(run[0]["x0"], 1), round(run[-1]["x1"], 1)],
                    })
    print(json.dumps({"pages": number, "runs": count, "outside": problems}))


main(sys.argv[1])
