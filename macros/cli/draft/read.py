# Reads an official document (.txt, .docx, .pdf) into its lines of text, numbered from 1 by their position in the list.
from __future__ import annotations

import functools
import re
from pathlib import Path

# Control characters (form feeds between PDF pages, stray NULs) never belong in a notice and break YAML.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")


class ReadError(ValueError):
    """The file cannot give text: said in one line, naming the file."""


def read_lines(path: Path) -> list[str]:
    """The document's lines: for .docx its paragraphs and table rows (cells separated by ；), for .pdf the text
    lines page after page."""
    readers = {".txt": _read_txt, ".text": _read_txt, ".md": _read_txt, ".docx": _read_docx, ".pdf": _read_pdf}
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise ReadError(
            f"{path}: old Word .doc files are not read; save it as .docx first "
            f"(e.g. soffice --headless --convert-to docx {path.name})"
        )
    if suffix not in readers:
        raise ReadError(f"{path}: unknown file type {suffix or '(no extension)'!r}: give a .txt, .docx or .pdf file")
    if not path.is_file():
        raise ReadError(f"{path}: no such file")
    try:
        lines = readers[suffix](path)
    except ReadError:
        raise
    except Exception as exc:  # each library raises its own kinds for a damaged file; all mean the same here
        kind = {".docx": "a Word .docx file", ".pdf": "a PDF file"}.get(suffix, "a text file")
        raise ReadError(f"{path}: cannot be read as {kind} ({type(exc).__name__}: {_first_line(exc)})") from None
    lines = [_CONTROL.sub("", line).rstrip() for line in lines]
    if not any(line.strip() for line in lines):
        hint = " (a scanned PDF has no text layer: run OCR on it first)" if suffix == ".pdf" else ""
        raise ReadError(f"{path}: no text in it{hint}")
    return lines


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:120] if text else "no details"


def _read_txt(path: Path) -> list[str]:
    data = path.read_bytes()
    if b"\x00" in data:
        raise ReadError(f"{path}: binary data, not text (a .txt must be UTF-8 or GB18030 text)")
    for encoding in ("utf-8-sig", "gb18030"):  # GB18030 covers GBK and GB2312, common in government files
        try:
            return data.decode(encoding).splitlines()
        except UnicodeDecodeError:
            continue
    raise ReadError(f"{path}: neither UTF-8 nor GB18030 text")


def _read_docx(path: Path) -> list[str]:
    import docx
    from docx.table import Table

    lines: list[str] = []
    for block in docx.Document(str(path)).iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:  # a merged cell repeats in each column it spans
                    text = " ".join(cell.text.split())
                    if text and (not cells or cells[-1] != text):
                        cells.append(text)
                # Cells become clauses of their own (；), so that a name and the phone beside it stay apart.
                lines.append("；".join(cells) + ("；" if len(cells) > 1 else ""))
        else:
            lines.extend(block.text.split("\n"))
    return lines


def _read_pdf(path: Path) -> list[str]:
    import pdfplumber

    lines: list[str] = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            # Tables are read row by row: as plain text, cells that wrap interleave with their neighbours.
            tables = page.find_tables()
            boxes = [table.bbox for table in tables]
            outside = page.filter(functools.partial(_outside_all, boxes=boxes))
            placed = [(line["top"], line["text"]) for line in outside.extract_text_lines()]
            for table in tables:
                for row_top, row in zip((r.bbox[1] for r in table.rows), table.extract()):
                    cells = ["".join((cell or "").split("\n")).strip() for cell in row]
                    cells = [cell for cell in cells if cell]
                    if cells:
                        placed.append((row_top, "；".join(cells) + ("；" if len(cells) > 1 else "")))
            lines.extend(text for _, text in sorted(placed, key=lambda item: item[0]))
    return lines


def _outside_all(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    return not any(_inside(obj, box) for box in boxes)


def _inside(obj: dict, box: tuple[float, float, float, float]) -> bool:
    """Whether the object's centre lies in the box (glyphs stick out of their cells a little)."""
    x0, top, x1, bottom = box
    if "x0" not in obj:
        return False
    return x0 <= (obj["x0"] + obj["x1"]) / 2 <= x1 and top <= (obj["top"] + obj["bottom"]) / 2 <= bottom
