# Spacing in Chinese text: Chinese sets no spaces between words, so a line break that YAML folds into a space
# (`>-`, plain multi-line scalars) between two Chinese characters, or after Chinese punctuation, is dropped. Spaces
# next to Latin letters and digits stay ("1+X 证书", "Word 文件"). tests/render/test_cjk_spacing.py checks pages for
# STRAY_SPACE.
from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Full-width punctuation carries its own spacing: the CJK Symbols and Punctuation block (、。〈〉《》「」『』【】〔〕…,
# not the ideographic space U+3000) and the punctuation of the Fullwidth Forms block (！（），：；？～…, not its
# letters and digits). Not counted: “ ” ‘ ’ — ……, which English text uses too.
PUNCTUATION = "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\uffe0-\uffe6"
WIDE = HAN + PUNCTUATION

# What must never show on a page: a space between Chinese text and a Chinese character or punctuation; opening
# quotes after Chinese text and closing quotes before it count too ("。 “进行中", "” 本站").
STRAY_SPACE = re.compile(f"[{WIDE}] +[{WIDE}\u201c\u2018]|[\u201d\u2019] +[{WIDE}]")
# Removed from data text: those spaces, and any after full-width punctuation ("邮箱： abc@x.cn"). Spaces only, as
# folding writes them; tabs and line breaks stay as typed (a blank line in `>-` is a paragraph break).
_FOLDED_SPACE = re.compile(
    f"(?<=[{WIDE}]) +(?=[{WIDE}\u201c\u2018])|(?<=[\u201d\u2019]) +(?=[{WIDE}])|(?<=[{PUNCTUATION}]) +(?=\\S)"
)


def join_folded_lines(value: str) -> str:
    """`value` without the spaces Chinese text never has (see the module comment)."""
    return _FOLDED_SPACE.sub("", value) if " " in value else value
