"""Reads a PDF with pdfplumber (PyPI) and prints, as JSON, each page's size
in points: [[width, height], ...], rounded to whole points."""

import json
import sys

import pdfplumber

with pdfplumber.open(sys.argv[1]) as pdf:
    print(json.dumps([[round(float(p.width)), round(float(p.height))] for p in pdf.pages]))
