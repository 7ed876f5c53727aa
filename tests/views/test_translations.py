# Translation coverage: counted from the data itself, printed by the build, listed on the maintainers' page, and an
# untranslated text shows on English pages as the Chinese original with a visible marker.
from __future__ import annotations

import dataclasses
import re

import pytest

from macros.data.models import Text
from macros.views.translations import coverage
from tests.support import run_build


def _without_english(notice, contact_index: int):
    """The notice with the English of one contact's role removed."""
    contacts = list(notice.contacts)
    contact = contacts[contact_index]
    contacts[contact_index] = contact.model_copy(update={"role": Text(zh=contact.role.zh)})
    return notice.model_copy(update={"contacts": contacts})


def test_coverage_walks_every_text_of_every_record(portal):
    complete = coverage(portal)
    assert complete.total > 100  # provinces, notices, forms and the catalogue all count
    notice = next(n for n in portal.notices if n.contacts)
    broken = dataclasses.replace(portal, notices=[_without_english(n, 0) if n is notice else n for n in portal.notices])
    result = coverage(broken)
    assert result.total == complete.total
    assert len(result.gaps) == len(complete.gaps) + 1
    gap = next(g for g in result.gaps if g not in complete.gaps)
    assert gap.source == portal.source_of[("notice", notice.id)]
    assert gap.field == "contacts.0.role"
    assert gap.zh == notice.contacts[0].role.zh
    assert result.percent < complete.percent


def test_coverage_line_reads_as_a_percentage():
    from macros.views.translations import Coverage, Gap

    line = Coverage(4, (Gap("data/x.yml", "title", "标题"),)).line()
    assert line == "English translation coverage: 75.0% (1 texts missing of 4)"


def test_hand_written_pages_without_english_are_listed(tmp_path):
    from macros.views.translations import untranslated_pages

    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    for name in ("index.md", "index.en.md", "guide/fees.md", "guide/fees.en.md", "guide/new.md"):
        (docs / name).write_text("# x", encoding="utf-8")
    assert untranslated_pages(docs) == ("docs/guide/new.md",)


def test_the_real_site_has_every_hand_written_page_in_english(portal):
    assert coverage(portal).pages == ()


@pytest.mark.slow
def test_a_missing_translation_is_marked_counted_and_listed(project, tmp_path):
    notice_file = project / "data" / "notices" / "hunan-2022-80.yml"
    source = notice_file.read_text(encoding="utf-8")
    english = ", en: Provincial 1+X pilot promotion office}"
    assert source.count(english) == 1, "the test's sample translation changed in the data: pick another"
    notice_file.write_text(source.replace(english, "}"), encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    figure = re.search(r"English translation coverage: ([0-9.]+)% \((\d+) texts missing of (\d+)\)", result.stderr)
    assert figure and int(figure[2]) >= 1, result.stderr[-2000:]
    english_page = (site / "en/notices/hunan-2022-80/index.html").read_text(encoding="utf-8")
    assert re.search(
        r'<span lang="zh">湖南省1\+X证书制度试点推进办（省推进办）</span>\s*'
        r'<span class="x-untranslated">\(not yet translated\)</span>',
        english_page,
    )
    for page in ("maintainers/translations/index.html", "en/maintainers/translations/index.html"):
        listing = (site / page).read_text(encoding="utf-8")
        assert "data/notices/hunan-2022-80.yml" in listing
        assert re.search(r"<code>contacts\.\d+\.role</code>", listing)
        assert "湖南省1+X证书制度试点推进办（省推进办）" in listing


def test_coverage_with_kept_texts_is_the_same_as_without(portal):
    from macros.views import translations

    kept: dict = {}
    plain = translations.coverage(portal)
    assert translations.coverage(portal, kept=kept) == plain
    assert kept and translations.coverage(portal, kept=kept) == plain  # taken from what was kept
