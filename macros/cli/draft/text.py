# The document as paragraphs: extraction line breaks inside sentences joined, stray spaces dropped, each character
# remembering its source line so that every value found can say where it came from.
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Generic, TypeVar

# Chinese characters and full-width punctuation: a space beside one of them is an extraction artefact
# ("2022 年 3 月 4 日", "王 宇", "〔2019〕19 号").
_WIDE = "\u2010-\u206f\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_SPACE_BY_WIDE = re.compile(rf"\s+(?=[{_WIDE}])|(?<=[{_WIDE}])\s+")
_SPACES = re.compile(r"\s+")
_MARKUP = re.compile(r"^[#>\s]+|\*\*|^[-—_=]{3,}$")  # markdown left in some extractions: headings, bold, rules
_ENDS_SENTENCE = tuple("。！？；：!?;:")
# A line starting like this begins a new paragraph: 一、 （一） (1) 1. 第三条 附件 联系…
LIST_MARK = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}\s*[.．、]"
    r"|第[一二三四五六七八九十百]+[条章节]|附件|联系)"
)
SECTION_MARK = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+章)")
SENTENCE_END = re.compile(r"[。！？；;!?]")
# A document number as extractions print it: 湘教通〔2022〕80号, 鲁电职院教字 〔2024〕 26号, 浙教办[2023] 12 号.
DOC_NUMBER = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,12})\s*[〔［\[【(（]\s*(?P<year>(?:19|20)\d{2})\s*[〕］\]】)）]\s*"
    r"第?\s*(?P<number>\d{1,4})\s*号"
)
# Lines that stand alone whatever their length: the letterhead, the document number, the date of issue.
_STANDALONE = re.compile(
    rf"^(?:.{{2,30}}(?:文件|函件)|{DOC_NUMBER.pattern}|"
    r"(?:\d{4}|[〇零○一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日)$"
)
# How a title ends; after it the salutation (各…：) starts a paragraph of its own.
TITLE_END = re.compile(r"(?:通知|办法|意见|方案|决定|规定|细则|公告|通告|通报|批复|函|要点|安排)[）)》」]*$")


_PAGE_NUMBER = re.compile(r"[-—–\s]*\d{1,3}[-—–\s]*")


def tidy(line: str) -> str:
    """One line as it is matched: markup, page numbers and stray spaces dropped (spaces between Latin letters kept)."""
    text = _MARKUP.sub("", line.strip()).strip()
    if _PAGE_NUMBER.fullmatch(text):
        return ""
    return _SPACES.sub(" ", _SPACE_BY_WIDE.sub("", text))


@dataclass
class Paragraph:
    text: str
    lines: list[int]  # the source line of each character of `text`
    section: int  # how many top-level headings (一、 二、 第一章) come before or at this paragraph

    def span(self, start: int, end: int) -> tuple[int, int]:
        """First and last source line of text[start:end]."""
        end = max(start + 1, end)
        return self.lines[start], self.lines[min(end, len(self.lines)) - 1]

    def quote(self, start: int, end: int, context: int = 12) -> str:
        """text[start:end] with a little of its sentence either side, shortened with …"""
        left = max(0, start - context)
        right = min(len(self.text), end + context)
        return ("…" if left else "") + self.text[left:right] + ("…" if right < len(self.text) else "")


@dataclass
class Document:
    lines: list[str]  # as read; line N is lines[N - 1]
    tidy_lines: list[str] = field(init=False)
    paragraphs: list[Paragraph] = field(init=False)

    def __post_init__(self):
        self.tidy_lines = [tidy(line) for line in self.lines]
        self.paragraphs = _paragraphs(self.tidy_lines)

    def numbered(self) -> list[tuple[int, str]]:
        """(line number, tidy text) of every line that holds text."""
        return [(i, text) for i, text in enumerate(self.tidy_lines, 1) if text]


def _is_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _in_address(text: str) -> bool:
    """Whether the text ends inside an e-mail address or URL (which a line break must not split with a space)."""
    return bool(re.search(r"[@/.][A-Za-z0-9._%+\-/]*$", text))


def _paragraphs(tidy_lines: list[str]) -> list[Paragraph]:
    numbered = [(i, text) for i, text in enumerate(tidy_lines, 1) if text]
    lengths = [len(text) for _, text in numbered if len(text) >= 8]
    # A line much shorter than the document's usual line ends its paragraph (a heading, a signature).
    short = 0.6 * statistics.median(lengths) if lengths else 0
    paragraphs: list[Paragraph] = []
    owners: list[int] = []
    text, section = "", 0
    previous = ""
    for number, line in numbered:
        heading_like = len(previous) < short and not re.search(r"[，、,A-Za-z0-9\-]$", previous)
        starts_new = (
            not text
            or previous.endswith(_ENDS_SENTENCE)
            or LIST_MARK.match(line)
            or heading_like
            or SECTION_MARK.match(previous)
            or TITLE_END.search(previous)
            or _STANDALONE.match(previous)
            or _STANDALONE.match(line)
        )
        if starts_new and text:
            paragraphs.append(Paragraph(text, owners, section))
            text, owners = "", []
        if not text and SECTION_MARK.match(line):
            section += 1
        # English words broken across lines get their space back; numbers and addresses are joined as they were.
        glue = " " if text and _is_letter(text[-1]) and _is_letter(line[0]) and not _in_address(text) else ""
        text += glue + line
        owners += [number] * (len(glue) + len(line))
        previous = line
    if text:
        paragraphs.append(Paragraph(text, owners, section))
    return paragraphs


# Full-width Latin letters, digits and signs to ASCII, one character for one, so positions stay the same:
# "０７３１－８４７１４９３７" and "ＱＱ群：" match the same patterns as their ASCII forms.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def ascii_view(text: str) -> str:
    return text.translate(_FULL_WIDTH)


V = TypeVar("V")


@dataclass(frozen=True)
class Found(Generic[V]):
    """A value found in the document and where: source lines `first`..`last`, and the words around it. The value's
    type depends on what was found (a document number's parts, a date, a name): `Found[str]`, `Found[dt.date]`…"""

    value: V
    first: int
    last: int
    quote: str

    @classmethod
    def at(cls, value: V, paragraph: Paragraph, start: int, end: int, context: int = 12) -> Found[V]:
        first, last = paragraph.span(start, end)
        return cls(value, first, last, paragraph.quote(start, end, context))

    def where(self) -> str:
        lines = f"line {self.first}" if self.first == self.last else f"lines {self.first}-{self.last}"
        return f"{lines}: {self.quote}"
