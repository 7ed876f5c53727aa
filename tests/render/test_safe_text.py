# Text kept on one line (safe_text.unbroken): each token a reader copies in one span, everything escaped, and the
# scan that tries only the kinds of token a text can hold finds exactly what the whole pattern finds.
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.render.safe_text import _TABLE, _UNBROKEN, unbroken

NOBR = '<span class="x-nobr">{}</span>'


def whole_pattern(value: str) -> str:
    """unbroken as the whole pattern gives it: every kind tried at every character."""
    pieces = re.split(f"({_UNBROKEN.pattern})", value)  # text, token, text, …, text
    return "".join(
        piece.translate(_TABLE) if i % 2 == 0 or piece.startswith("http") else NOBR.format(piece.translate(_TABLE))
        for i, piece in enumerate(pieces)
    )


@pytest.mark.parametrize(
    "text,token",
    [
        ("依据皖教职成〔2019〕32号文件", "依据皖教职成〔2019〕32号"),
        ("write to a.b@example.cn today", "a.b@example.cn"),
        ("电话：0551-62812345", "0551-62812345"),
        ("截至2024年3月15日", "2024年3月15日"),
        ("by 15 March 2024", "15 March 2024"),
        ("QQ 123456789", "123456789"),
    ],
)
def test_a_token_stays_on_one_line(text, token):
    assert NOBR.format(token) in unbroken(text)


def test_a_url_is_left_whole_and_text_without_tokens_only_escaped():
    assert unbroken("see https://x.cn/a_b?q=1") == "see https://x.cn/a&#95;b?q=1"
    assert unbroken("<b>[x](y)</b> 证书") == "&lt;b&gt;&#91;x&#93;(y)&lt;/b&gt; 证书"


# pieces of every kind of token, whole and broken, and of the text around them
PIECES = [
    *"0123456789０٣ -－@.月日年〔〕号abc:/\n*",
    "皖教职成〔2019〕32号",
    "〔2020〕",
    "2024年3月15日",
    "3月1",
    "a.b@x.cn",
    "0551-62812345",
    "15 March",
    " 2024",
    "123456",
    "http://x.cn/a_b",
    "https",
    "证书",
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_the_kinds_a_text_can_hold_find_what_the_whole_pattern_finds(value):
    assert unbroken(value) == whole_pattern(value)
