# Links between generated pages: relative URLs that a browser resolves back to the intended page or file, from
# every depth (the site works from any sub-path and from the file system).
from __future__ import annotations

from urllib.parse import urljoin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.views.urls import relative

BASE = "https://example.org/site/"


@pytest.mark.parametrize(
    "target,page,expected",
    [
        ("notices/x/", "notices/y/", "../x/"),
        ("notices/x/", "", "notices/x/"),
        ("notices/x/", "notices/x/", "./"),
        ("notices/", "notices/x/", "../"),
        ("en/notices/x/", "en/provinces/hunan/", "../../notices/x/"),
        ("calendar/feeds/all.ics", "en/calendar/", "../../calendar/feeds/all.ics"),
        ("forms/files/a.docx", "forms/a/", "../files/a.docx"),
        ("", "en/notices/x/", "../../../"),
    ],
)
def test_examples(target, page, expected):
    assert relative(target, page) == expected


segment = st.sampled_from(["notices", "en", "a", "hunan-2022-80", "calendar", "feeds"])
folder = st.lists(segment, max_size=4).map(lambda parts: "".join(p + "/" for p in parts))
file_name = st.sampled_from(["", "all.ics", "x.docx"])


@settings(max_examples=300, deadline=None)
@given(target_folder=folder, name=file_name, page=folder)
def test_the_browser_resolves_the_link_to_its_target(target_folder, name, page):
    target = target_folder + name
    link = relative(target, page)
    assert not link.startswith("/") and "//" not in link
    assert urljoin(BASE + page, link) == BASE + target
