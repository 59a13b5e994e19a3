"""The words on a printed PDF's pages, read by PDFium (pypdfium2).

pypdf reads the same words, but about twenty times slower: over the two languages' books its
text took a quarter of the PDF tests' time (2026-12-07: 9 to 23 s a book against 0.4 to 1.5 s).
pypdf still reads what PDFium's text does not give: outlines, named destinations, page sizes,
tagging and content streams.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

# Where a line wraps after a hyphen ("co-" / "delivery"), PDFium marks the hyphen with this
# character, as it would a soft hyphen; on our pages it is always a hyphen that was printed.
_WRAP_HYPHEN = "\ufffe"


class PrintedText:
    """`text(n)`: page n's words (from 1) separated by single spaces; `len()`: its pages."""

    def __init__(self, pdf: Path | bytes) -> None:
        self._document = pdfium.PdfDocument(pdf)

    def __len__(self) -> int:
        return len(self._document)

    def text(self, page_number: int) -> str:
        if not 1 <= page_number <= len(self):
            raise IndexError(f"page {page_number} of a PDF of {len(self)} pages")
        words = self._document[page_number - 1].get_textpage().get_text_range()
        return " ".join(words.replace(_WRAP_HYPHEN, "-").split())

    def pages(self) -> list[str]:
        return [self.text(number) for number in range(1, len(self) + 1)]
