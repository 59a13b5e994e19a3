"""A PDF incremental update: changed objects appended after the file as it is, with their own
cross-reference section (PDF 32000-1, 7.5.6). Mending a few bookmarks this way leaves Chromium's
printed bytes untouched, where a full rewrite with pypdf copies every object of a 200-page book
(about 6 s of CPU for the module guides)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, NameObject, NumberObject

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def append_update(pdf: bytes, reader: PdfReader, changed: list[DictionaryObject]) -> bytes:
    """`pdf` with `changed` (objects `reader` read from it, then edited) appended as an update."""
    found = _STARTXREF.search(pdf[-64:])
    if found is None or not pdf.startswith(b"xref", int(found[1])):
        raise ValueError("append_update needs a PDF that ends in a classic cross-reference table, as Chromium and pypdf write")
    out = io.BytesIO()
    out.write(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets: dict[tuple[int, int], int] = {}
    for item in changed:
        reference = item.indirect_reference
        assert reference is not None, "only objects read from the file can be updated"
        offsets[(reference.idnum, reference.generation)] = out.tell()
        out.write(f"{reference.idnum} {reference.generation} obj\n".encode())
        item.write_to_stream(out)
        out.write(b"\nendobj\n")
    table = out.tell()
    # Object 0, the head of the free list, first: readers such as pypdf take a section that
    # starts at another number for a mis-numbered table.
    out.write(b"xref\n0 1\n0000000000 65535 f \n")
    for (number, generation), offset in sorted(offsets.items()):
        # One subsection an object; each entry is exactly 20 bytes, its end of line included.
        out.write(f"{number} 1\n{offset:010d} {generation:05d} n \n".encode())
    trailer = DictionaryObject({NameObject(key): reader.trailer.raw_get(key) for key in ("/Size", "/Root", "/Info", "/ID")
                                if key in reader.trailer})
    trailer[NameObject("/Prev")] = NumberObject(int(found[1]))
    out.write(b"trailer\n")
    trailer.write_to_stream(out)
    out.write(f"\nstartxref\n{table}\n%%EOF\n".encode())
    return out.getvalue()
