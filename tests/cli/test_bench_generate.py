# The benchmark's synthetic data: deterministic, valid under the current models, never touching the real data/,
# and the baseline configuration keeps everything but the data hooks and macros.
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bench.generate import PROVINCES, RealData, Size, data_files, dump, generate
from bench.prerender import baseline_config, page_url
from macros.data.portal import load_portal
from tests.support import ROOT

SMALL = Size(notices=80, certificates=150, forms=6, seed=3)


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def real() -> RealData:
    return RealData.read(ROOT / "data")


def test_same_seed_gives_the_same_files(real):
    first = {path: dump(value) for path, value in data_files(real, SMALL).items()}
    second = {path: dump(value) for path, value in data_files(RealData.read(ROOT / "data"), SMALL).items()}
    assert first == second


def test_another_seed_gives_other_contacts(real):
    one = data_files(real, SMALL)
    other = data_files(real, Size(SMALL.notices, SMALL.certificates, SMALL.forms, seed=SMALL.seed + 1))
    assert one.keys() == other.keys()
    assert any(dump(one[p]) != dump(other[p]) for p in one if p.startswith("notices/"))


def test_the_catalogue_is_the_same_at_every_number_of_notices(real):
    """Pages of the certificate list must compare across N: their certificates may not change with the notices."""
    larger = Size(SMALL.notices * 2, SMALL.certificates, SMALL.forms, SMALL.seed)
    assert dump(data_files(real, SMALL)["certificates.yml"]) == dump(data_files(real, larger)["certificates.yml"])


def test_generated_project_loads_with_the_requested_size_and_real_data_untouched(real, tmp_path):
    before = tree_digest(ROOT / "data")
    project = generate(tmp_path / "a", SMALL, ROOT)
    assert tree_digest(ROOT / "data") == before
    portal = load_portal(project)  # raises DataError on any invalid record or broken reference
    assert len(PROVINCES) == 31  # every province of the mainland, and any real one under another id besides
    assert {p.id for p in portal.provinces} == {pid for pid, *_ in PROVINCES} | set(real.provinces)
    assert len(portal.notices) == SMALL.notices
    assert len(portal.forms) == SMALL.forms
    assert len(portal.catalogue.certificates) == max(SMALL.certificates, len(real.catalogue["certificates"]))
    real_ids = {p.stem for p in (ROOT / "data" / "notices").glob("*.yml")}
    assert real_ids <= set(portal.notice_by_id)  # the docs' notice_ref targets stay valid
    assert all(portal.notices_in(p.id) for p in portal.provinces)  # spread over every province
    synthetic = [n for n in portal.notices if n.id not in real_ids]
    assert {n.issued.year for n in synthetic if n.issued} >= {2019, 2026}  # years of history
    assert sum(len(n.contacts) for n in synthetic) >= len(synthetic) and any(n.deadlines for n in synthetic)
    # written twice, byte for byte the same
    again = generate(tmp_path / "b", SMALL, ROOT)
    assert tree_digest(project / "data") == tree_digest(again / "data")


def test_baseline_config_drops_only_the_data_hooks_and_macros():
    original = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    baseline = baseline_config(original)
    assert "macros/site/hooks.py" in original and "macros/site/hooks.py" not in baseline
    assert "macros/site/search.py" in baseline  # both builds index the site for search alike
    assert "macros/site/sealed_html.py" in baseline  # and open the generated pages' sealed HTML alike
    assert "- macros:" in original and "- macros:" not in baseline
    for kept in ("- search:", "- i18n:", "custom_dir: overrides", "markdown_extensions:", "nav:"):
        assert kept in baseline
    assert len(original.splitlines()) - len(baseline.splitlines()) < 12


@pytest.mark.parametrize(
    "src,expected",
    [
        ("index.md", ("zh", "")),
        ("index.en.md", ("en", "en/")),
        ("guide/compare.md", ("zh", "guide/compare/")),
        ("guide/compare.en.md", ("en", "en/guide/compare/")),
    ],
)
def test_prerendered_page_urls(src, expected):
    assert page_url(src) == expected
