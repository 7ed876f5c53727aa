# The certificate catalogue: its data matches the reference list exactly, it says how complete it is, rules that limit
# levels show on the catalogue and on their notice page in both languages, and it builds at 500 certificates.
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from macros.catalogue import catalogue_view, certificate_row, rule_refs
from macros.models import CertificateRule, Text
from synthetic_catalogue import write_synthetic_catalogue

REFERENCE = ROOT.parent / "shared" / "reference" / "certificates-batch1-2.tsv"
COLLEGE_RULE = ("sdcet-2024-26", "intermediate-and-above")


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def words(node) -> str:
    return " ".join(node.get_text(" ").split())


# ---------------------------------------------------------------- data


def reference_rows() -> list[dict]:
    if not REFERENCE.exists():
        pytest.skip(f"reference list not available at {REFERENCE}")
    lines = [line for line in REFERENCE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_catalogue_holds_exactly_the_reference_certificates_with_their_organisations(portal):
    expected = {(int(r["batch"]), int(r["seq"]), r["certificate"], r["organisation"]) for r in reference_rows()}
    held = {(c.batch, c.sequence, c.name.zh, c.organisation.zh) for c in portal.catalogue.certificates}
    assert len(expected) == 16
    assert held == expected


def test_no_level_or_field_is_invented_for_the_reference_certificates(portal):
    for c in portal.catalogue.certificates:
        assert c.levels == [], f"{c.id}: the reference list gives no levels"
        assert c.field is None, f"{c.id}: the reference list gives no field"
        assert c.name.en and c.organisation.en, f"{c.id}: English names are expected (our translations)"


def test_totals_batches_and_official_platform(portal):
    cat = portal.catalogue
    assert cat.total_published == 447
    assert "447" in cat.total_note.zh and "约300" in cat.total_note.zh and "about 300" in cat.total_note.en
    assert cat.official_list_url == "https://vslc.ncb.edu.cn/"
    assert "职业技能等级证书信息管理服务平台" in cat.official_list.zh
    years = {b.number: b.year for b in cat.batches}
    assert years == {1: 2019, 2: 2019, 3: None, 4: None}  # our sources date batches 1 and 2 only


# ---------------------------------------------------------------- rules


def test_college_rule_rules_out_junior_and_keeps_intermediate_and_senior(portal):
    rule = next(r for r in portal.notice_by_id["sdcet-2024-26"].certificate_rules if r.id == "intermediate-and-above")
    assert rule.levels() == (("intermediate", "senior"), ("junior",))
    assert CertificateRule(id="x", text=Text(zh="x"), min_level="senior").levels() == (("senior",), ("junior", "intermediate"))
    assert CertificateRule(id="x", text=Text(zh="x"), excluded_levels=["intermediate"]).levels() == (("junior", "senior"), ("intermediate",))
    assert CertificateRule(id="x", text=Text(zh="x")).levels() == (("junior", "intermediate", "senior"), ())


def test_level_summary_names_the_rules_per_level(portal):
    levels = {s.level: s for s in catalogue_view(portal).levels}
    assert [(r.notice.id, r.rule.id) for r in levels["junior"].excluded_by] == [COLLEGE_RULE]
    assert [(r.notice.id, r.rule.id) for r in levels["intermediate"].minimum_of] == [COLLEGE_RULE]
    assert levels["senior"].excluded_by == [] and levels["senior"].minimum_of == []


def test_rules_reach_the_levels_and_certificates_they_name(portal):
    cert = portal.catalogue.certificates[0].model_copy(update={"levels": ["junior", "intermediate"]})
    named = CertificateRule(id="only-this", text=Text(zh="仅此证书"), excluded_levels=["intermediate"], certificates=[cert.id])
    other = CertificateRule(id="another", text=Text(zh="另一证书"), excluded_levels=["junior"], certificates=["not-this-one"])
    notice = portal.notice_by_id["hunan-2022-80"].model_copy(update={"certificate_rules": [named, other]})
    rules = rule_refs([portal.notice_by_id["sdcet-2024-26"], notice])
    row = certificate_row(cert, portal.catalogue.batches[0], rules)
    limits = {cell.level: [(r.notice.id, r.rule.id) for r in cell.excluded_by] for cell in row.levels}
    assert limits == {"junior": [COLLEGE_RULE], "intermediate": [("hunan-2022-80", "only-this")]}
    assert [(r.notice.id, r.rule.id) for r in row.named_in] == [("hunan-2022-80", "only-this")]


# ---------------------------------------------------------------- pages


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_catalogue_page_lists_every_certificate_with_an_anchor(built_site, portal, lang):
    page = soup(built_site, "certificates" if lang == "zh" else "en/certificates")
    rows = page.select("table#catalogue-table tbody tr.x-cert")
    ids = [row.select_one("h3.x-cert-name")["id"] for row in rows]
    assert ids == [f"cert-{c.id}" for c in sorted(portal.catalogue.certificates, key=lambda c: (c.batch, c.sequence))]
    headers = [words(th) for th in page.select("table#catalogue-table thead th")]
    assert len(headers) == 6
    first = rows[0]
    assert "建筑信息模型（BIM）职业技能等级证书" in words(first)
    assert "廊坊市中科建筑产业化创新研究中心（中国建设教育协会人才评价中心）" in words(first)
    assert ("来源未载明" if lang == "zh" else "Not given by our source") in words(first)
    if lang == "en":
        assert "Building Information Modelling (BIM)" in words(first)


@pytest.mark.parametrize("lang,held", [("zh", "本目录收录教育部已公布的 447 个证书中的 16 个"),
                                       ("en", "This catalogue holds 16 of the 447 certificates")])
def test_catalogue_states_its_completeness_and_where_the_official_list_is(built_site, lang, held):
    page = soup(built_site, "certificates" if lang == "zh" else "en/certificates")
    box = page.select_one("#completeness")
    assert held in words(box)
    assert box.select_one('a[href="https://vslc.ncb.edu.cn/"]') is not None
    assert "职业技能等级证书信息管理服务平台" in words(box)
    assert ("16 个证书的等级我们的来源未载明" if lang == "zh" else "does not give the levels of 16 certificates") in words(box)


def test_filters_are_hidden_without_javascript(built_site):
    page = soup(built_site, "certificates")
    assert page.select_one("form#catalogue-filters").has_attr("hidden")
    rows = page.select("tr.x-cert")
    assert len(rows) == 16 and not any(r.has_attr("hidden") for r in rows)


@pytest.mark.parametrize("url,texts", [
    ("certificates", ["本校申报证书等级须为中级及以上，不得申报初级", "山东电子职业技术学院", "鲁电职院教字〔2024〕26号"]),
    ("en/certificates", ["The college applies only for intermediate level and above, never junior",
                         "Shandong College of Electronic Technology", "鲁电职院教字〔2024〕26号"]),
])
def test_college_rule_is_on_the_catalogue(built_site, url, texts):
    page = soup(built_site, url)
    rule = page.select_one("#rule-sdcet-2024-26--intermediate-and-above")
    assert rule is not None
    for text in texts:
        assert text in words(rule)
    assert [s["data-level"] for s in rule.select(".x-rule-excluded .x-level")] == ["junior"]
    assert [s["data-level"] for s in rule.select(".x-rule-allowed .x-level")] == ["intermediate", "senior"]
    assert rule.select_one('a[href$="notices/sdcet-2024-26/#rule-intermediate-and-above"]') is not None
    junior = page.select_one("#level-junior").find_next("dd")
    assert junior.select_one('a[href="#rule-sdcet-2024-26--intermediate-and-above"]') is not None


@pytest.mark.parametrize("url,excluded,text", [
    ("notices/sdcet-2024-26", "初级", "本校申报证书等级须为中级及以上，不得申报初级"),
    ("en/notices/sdcet-2024-26", "Junior", "The college applies only for intermediate level and above, never junior"),
])
def test_college_rule_is_on_its_notice_page(built_site, url, excluded, text):
    rule = soup(built_site, url).select_one("li#rule-intermediate-and-above")
    assert rule is not None
    assert text in words(rule)
    assert words(rule.select_one(".x-rule-excluded")) == excluded
    assert rule.select_one('a[href$="certificates/#rule-sdcet-2024-26--intermediate-and-above"]') is not None


def test_fee_standard_rule_says_which_certificates_it_covers(built_site):
    rule = soup(built_site, "certificates").select_one("#rule-shandong-2022-8--fee-standard-full-implementation")
    assert "已在山东省公布考核费用标准的证书" in words(rule)
    assert rule.select(".x-rule-excluded") == []


def test_catalogue_is_in_the_navigation_of_both_languages(built_site):
    zh = [words(a) for a in soup(built_site, "").select("nav.md-nav--primary a.md-nav__link")]
    en = [words(a) for a in soup(built_site, "en").select("nav.md-nav--primary a.md-nav__link")]
    assert "证书目录" in zh and "Certificates" in en


def search_entries(site: Path) -> dict[str, str]:
    """Site-relative location -> title of every search entry, whether the index is combined or one per language."""
    entries = {}
    for prefix in ("", "en/"):
        path = site / prefix / "search" / "search_index.json"
        if path.exists():
            for doc in json.loads(path.read_text(encoding="utf-8"))["docs"]:
                location = doc["location"] if doc["location"].startswith(prefix) else prefix + doc["location"]
                entries[location] = doc["title"].replace("\u200b", "")
    return entries


def test_search_lands_on_each_certificate(built_site, portal):
    entries = search_entries(built_site)
    for c in portal.catalogue.certificates:
        assert entries.get(f"certificates/#cert-{c.id}") == c.name.zh
        assert entries.get(f"en/certificates/#cert-{c.id}") == c.name.en


# ---------------------------------------------------------------- scale


def test_catalogue_builds_with_500_certificates(project, tmp_path):
    data = write_synthetic_catalogue(project, 500)
    out = tmp_path / "site"
    result = run_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    for url in ("certificates", "en/certificates"):
        page = soup(out, url)
        rows = page.select("table#catalogue-table tbody tr.x-cert")
        assert len(rows) == 500
        assert len({r.select_one("h3.x-cert-name")["id"] for r in rows}) == 500
        lang = "en" if url.startswith("en/") else "zh"
        options = page.select("select[name=org] option")[1:]
        assert [o.get_text() for o in options] == sorted({c["organisation"][lang] for c in data["certificates"]})
        assert {o["value"] for o in options} == {c["organisation"]["zh"] for c in data["certificates"]}
    # The college's rule marks every junior level it rules out, wherever that level appears.
    page = soup(out, "certificates")
    with_junior = [c for c in data["certificates"] if "junior" in c["levels"]]
    marked = page.select('.x-level[data-level="junior"] a.x-level-rule[href="#rule-sdcet-2024-26--intermediate-and-above"]')
    assert len(marked) == len(with_junior) > 0
    assert page.select('.x-level[data-level="senior"] a.x-level-rule') == []
