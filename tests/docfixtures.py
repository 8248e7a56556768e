"""Office-style fixtures made on the fly: a press-release PDF with a running header, a footer
with page numbers, a word hyphenated at a line end and a paragraph running over a page break;
a scanned-style PDF (one image, no text); a Word memo with a heading, a table, a header and a
footer. fpdf2 (PDF) and python-docx (Word) write them; fpdf2 is a test dependency only.
"""

from __future__ import annotations

from pathlib import Path

HEADER = "Northwind Energy AG - Press Release"
FOOTER = "Northwind Energy AG, Harbour Street 1, 20457 Hamburg"
HEADLINE = "Northwind Energy raises its forecast for the year"
#: Paragraphs of the release; the ones marked with ``|`` are broken there by hand, the first
#: with a hyphen inside a word, the second at the bottom of the first page.
PARAGRAPHS = [
    "Hamburg, 12 March 2025. Northwind Energy AG reported revenue of 1.4 billion euros for the "
    "past financial year and raised its forecast for the current year.",
    "The board now expects an operating result between 210 and 240 million euros. New wind "
    "farms in the North Sea were connected to the grid earlier than planned.",
    "The company also plans substantial invest-|ments in storage technology and grid "
    "connections until 2027, chief executive Maria Jensen said on Wednesday.",
    "Northwind employs about 2,100 people in Germany, Denmark and Poland. The workforce is "
    "expected to grow by a tenth this year, mainly in engineering and maintenance.",
    "Analysts welcomed the higher forecast. Shares of the company rose by four percent in "
    "early trading in Frankfurt, the highest level since the listing in 2021.",
    "The supervisory board proposed a dividend of 0.85 euros per share, up from 0.70 euros "
    "a year earlier, which the annual meeting in May will vote on.",
    "Northwind will publish its first-quarter figures on 6 May. The company expects revenue "
    "growth of at least eight percent in the first quarter, driven by higher output.",
    "Contracts for two further offshore projects are to be signed in the summer, the company "
    "said. Their combined capacity would be about 900 megawatts once they are complete, and "
    "construction would start in 2026 at the|earliest, after the permits are granted.",
    "Founded in 2009, Northwind operates 38 wind farms with a capacity of 3.2 gigawatts.",
]


def release_pdf(path: Path) -> Path:
    """Write the press release as a three-page PDF with a header, footer and page numbers."""
    from fpdf import FPDF

    class Release(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "", 9)
            self.cell(0, 8, HEADER, align="C")
            self.ln(14)

        def footer(self) -> None:
            self.set_y(-20)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, FOOTER, align="C", new_x="LMARGIN", new_y="NEXT")
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Release(format=(148, 210))
    pdf.set_title("Northwind Energy raises forecast")
    pdf.set_author("Northwind Energy AG")
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, HEADLINE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 10)
    for number, paragraph in enumerate(PARAGRAPHS):
        pieces = paragraph.split("|")
        for index, piece in enumerate(pieces):
            pdf.multi_cell(0, 5.5, piece.strip(), new_x="LMARGIN", new_y="NEXT")
            if index < len(pieces) - 1 and number == 7:
                pdf.add_page()  # the paragraph runs over onto the next page
        pdf.ln(3)
    pdf.output(str(path))
    return path


def scanned_pdf(path: Path) -> Path:
    """Write a one-page PDF that is only an image (a scan: no text layer)."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 300), 255)
    ImageDraw.Draw(image).rectangle((40, 40, 560, 60), fill=0)
    picture = path.with_suffix(".png")
    image.save(picture)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(picture), x=10, y=10, w=190)
    pdf.output(str(path))
    picture.unlink()
    return path


MEMO_TABLE = [["Figure", "Q1 2025", "Q1 2024"],
              ["Revenue", "420 million euros", "380 million euros"],
              ["Employees", "2,100", "1,950"]]


def memo_docx(path: Path) -> Path:
    """Write a Word memo: a heading, paragraphs, a table, a header and a footer."""
    import docx

    document = docx.Document()
    document.core_properties.title = "Quarterly update"
    document.core_properties.author = "Northwind press office"
    document.add_heading("Northwind reports a record first quarter", level=1)
    document.add_paragraph("Northwind Energy AG said on Thursday that revenue in the first "
                           "quarter rose to 420 million euros, a record for the company.")
    table = document.add_table(rows=len(MEMO_TABLE), cols=3)
    for r, row in enumerate(MEMO_TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("The outlook for the full year is unchanged, the board said in a "
                           "statement, and the dividend policy will stay as it is.")
    document.add_paragraph("Chief executive Maria Jensen said the new wind farms in the North "
                           "Sea had delivered more power than expected in the windy winter.")
    document.sections[0].header.paragraphs[0].text = "Embargoed until 8:00 CET"
    document.sections[0].footer.paragraphs[0].text = FOOTER
    document.save(str(path))
    return path
