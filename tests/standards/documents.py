"""Test documents in the layouts the text import must read, generated here (reportlab, python-docx)."""

from __future__ import annotations

import io

from docx import Document
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas

# (style, text): style is "title", "heading", "provision" (a "Rule 1" line), "body", "indent", "note".
# A "^28" token in a body line is printed as a superscript footnote marker.
Block = tuple[str, str]
FONTS = {
    "title": ("Helvetica-Bold", 13),
    "heading": ("Helvetica-Bold", 10),
    "provision": ("Helvetica-Oblique", 10),
    "body": ("Helvetica", 10),
    "indent": ("Helvetica", 10),
    "note": ("Helvetica", 8),
}


def pdf(pages: list[list[Block]], *, running_head: str = "A/RES/99/1") -> bytes:
    """A PDF with a running head and a page number on every page, and footnotes under a rule."""
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=LETTER)
    width, height = LETTER
    for number, blocks in enumerate(pages, start=1):
        sheet.setFont("Helvetica-Bold", 9)
        sheet.drawString(60, height - 50, running_head)
        sheet.drawString(width - 120, height - 50, "Draft layout test")
        y = height - 90
        notes = [text for style, text in blocks if style == "note"]
        for style, text in blocks:
            if style == "note":
                continue
            font, size = FONTS[style]
            x = 100 if style == "indent" else 80
            cursor = x
            for word in text.replace("^", " ^").split(" "):
                if word.startswith("^"):
                    sheet.setFont("Helvetica", 6)
                    sheet.drawString(cursor, y + 3, word[1:])
                    cursor += sheet.stringWidth(word[1:], "Helvetica", 6) + 3
                    continue
                sheet.setFont(font, size)
                sheet.drawString(cursor, y, word)
                cursor += sheet.stringWidth(word + " ", font, size)
            y -= 18
        if notes:
            y = 140
            sheet.setFont("Helvetica", 10)
            sheet.drawString(80, y, "_______________")
            for note in notes:
                y -= 14
                marker, text = note.split(" ", 1)
                sheet.setFont("Helvetica", 6)
                sheet.drawString(80, y + 3, marker)
                sheet.setFont("Helvetica", 8)
                sheet.drawString(92, y, text)
        sheet.setFont("Helvetica-Bold", 9)
        sheet.drawString(width / 2, 40, f"{number}/{len(pages)}")
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def docx(blocks: list[Block]) -> bytes:
    document = Document()
    for style, text in blocks:
        paragraph = document.add_paragraph()
        for index, word in enumerate(text.replace("^", " ^").split(" ")):
            if word.startswith("^"):
                run = paragraph.add_run(word[1:])
                run.font.superscript = True
                continue
            run = paragraph.add_run(("" if index == 0 else " ") + word)
            run.bold = style in ("heading", "title")
            run.italic = style == "provision"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
