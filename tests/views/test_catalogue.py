# The certificate catalogue: its data holds every row of both reference lists (merged by name, each source kept with
# the organisation as it writes it), its page shows each row with level and date and counts what the data holds, says
# how complete it is and that it was handed over; rules that limit levels show on the catalogue and on their notice
# page in both languages; and it builds at 500 certificates. Bad data: test_catalogue_invariants.py.
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.data.models import Certificate, CertificateLevel, CertificateRule, Text
from macros.views import language
from macros.views.catalogue import catalogue_view, certificate_row, rule_refs
from macros.views.catalogue_parts import parts
from macros.views.limits import CATALOGUE_CERTIFICATES_PER_PAGE
from tests.support import REFERENCE, run_build
from tests.support.catalogue_pages import entry_target, finder_entries, list_pages, list_rows, rows_by_id
from tests.support.html import page as soup
from tests.support.synthetic_catalogue import level_names, page_order, synthetic_catalogue, write_synthetic_catalogue

BATCH_LIST = REFERENCE / "certificates-batch1-2.tsv"
PLATFORM = REFERENCE / "certificates-platform-2026.tsv"
BATCH_SOURCE, PLATFORM_SOURCE = "batch-list-1-2", "platform-capture-2026"
LEVEL_OF = {"初级": "junior", "中级": "intermediate", "高级": "senior"}
COLLEGE_RULE = ("sdcet-2024-26", "intermediate-and-above")


def words(node) -> str:
    """The node's text as read: inline markup (the unbroken-token spans around numbers and dates) adds no space."""
    return " ".join(node.get_text().split())


def page_of(site: Path, lang: str) -> BeautifulSoup:
    return soup(site, "certificates" if lang == "zh" else "en/certificates")


# ---------------------------------------------------------------- data


def reference_rows(path: Path) -> list[dict]:
    if not path.exists():
        pytest.skip(f"reference list not available at {path}")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def by_name(portal) -> dict[str, Certificate]:
    return {c.name.zh: c for c in portal.catalogue.certificates}


def organisation_in(certificate: Certificate, source: str) -> str:
    return next(s.organisation.zh for s in certificate.sources if s.source == source)


def test_every_certificate_of_batches_1_and_2_is_held_with_its_batch_number_and_organisation(portal):
    held = by_name(portal)
    for row in reference_rows(BATCH_LIST):
        c = held[row["certificate"]]
        assert (c.batch, c.sequence) == (int(row["batch"]), int(row["seq"]))
        assert organisation_in(c, BATCH_SOURCE) == row["organisation"]


def test_every_platform_row_is_held_with_its_level_date_and_platform_id(portal):
    held = by_name(portal)
    rows = reference_rows(PLATFORM)
    for row in rows:
        c = held[row["certificate"]]
        assert organisation_in(c, PLATFORM_SOURCE) == row["organisation"]
        level = next(entry for entry in c.levels if entry.level == LEVEL_OF[row["level"]])
        assert (level.effective_from.isoformat(), level.platform_id) == (row["effective_from"], row["platform_id"])
    # and no level the capture does not list
    listed = {(r["certificate"], LEVEL_OF[r["level"]]) for r in rows}
    assert {(c.name.zh, e.level) for c in portal.catalogue.certificates for e in c.levels} == listed


def test_certificates_in_both_lists_are_one_entry_citing_both_sources(portal):
    batch_list = {r["certificate"]: r["organisation"] for r in reference_rows(BATCH_LIST)}
    platform = {r["certificate"]: r["organisation"] for r in reference_rows(PLATFORM)}
    shared = batch_list.keys() & platform.keys()
    assert shared, "the two reference lists share certificates"
    names = [c.name.zh for c in portal.catalogue.certificates]
    assert len(names) == len(set(names)) == len(batch_list.keys() | platform.keys())
    held = by_name(portal)
    for name in shared:
        c = held[name]
        assert [s.source for s in c.sources] == [BATCH_SOURCE, PLATFORM_SOURCE]
        spellings = [t.zh for t, _ in c.organisations()]
        assert spellings == list(dict.fromkeys([batch_list[name], platform[name]]))  # one line when both agree
    bim = held["建筑信息模型（BIM）职业技能等级证书"]
    assert [(t.zh, ids) for t, ids in bim.organisations()] == [
        ("廊坊市中科建筑产业化创新研究中心（中国建设教育协会人才评价中心）", [BATCH_SOURCE]),
        ("廊坊市中科建筑产业化创新研究中心", [PLATFORM_SOURCE]),
    ]


def test_each_fact_comes_from_a_source_that_gives_it_and_nothing_is_invented(portal):
    cat = portal.catalogue
    gives = {s.id: set(s.gives) for s in cat.sources}
    for c in cat.certificates:
        cited = set().union(*(gives[s.source] for s in c.sources))
        assert (c.batch is not None) == ("batch" in cited), c.id
        assert bool(c.levels) == ("levels" in cited), c.id
        assert c.field is None, f"{c.id}: neither source gives a field"
        assert c.name.en and all(s.organisation.en for s in c.sources), (
            f"{c.id}: English names are expected (our translations)"
        )
    for source in cat.sources:
        assert source.description.zh and source.description.en and source.name.en


def test_totals_hand_over_batches_and_official_platform(portal):
    cat = portal.catalogue
    assert cat.total_published == 447
    assert "447" in cat.total_note.zh and "约300" in cat.total_note.zh and "about 300" in cat.total_note.en
    for note in (cat.handed_over_note.zh, cat.handed_over_note.en):
        assert "人社厅函〔2025〕154号" in note and "447" in note and "300" in note
    assert "2025年12月31日" in cat.handed_over_note.zh and "31 December 2025" in cat.handed_over_note.en
    assert cat.official_list_url == "https://vslc.ncb.edu.cn/"
    assert "职业技能等级证书信息管理服务平台" in cat.official_list.zh
    years = {b.number: b.year for b in cat.batches}
    assert years == {1: 2019, 2: 2019, 3: None, 4: None}  # our sources date batches 1 and 2 only


# ---------------------------------------------------------------- rules


def test_college_rule_rules_out_junior_and_keeps_intermediate_and_senior(portal):
    rule = next(r for r in portal.notice_by_id["sdcet-2024-26"].certificate_rules if r.id == "intermediate-and-above")
    assert rule.levels() == (("intermediate", "senior"), ("junior",))
    assert CertificateRule(id="x", text=Text(zh="x"), min_level="senior").levels() == (
        ("senior",),
        ("junior", "intermediate"),
    )
    assert CertificateRule(id="x", text=Text(zh="x"), excluded_levels=["intermediate"]).levels() == (
        ("junior", "senior"),
        ("intermediate",),
    )
    assert CertificateRule(id="x", text=Text(zh="x")).levels() == (("junior", "intermediate", "senior"), ())


def test_level_summary_names_the_rules_and_counts_the_certificates_per_level(portal):
    levels = {s.level: s for s in catalogue_view(portal).levels}
    assert [(r.notice.id, r.rule.id) for r in levels["junior"].excluded_by] == [COLLEGE_RULE]
    assert [(r.notice.id, r.rule.id) for r in levels["intermediate"].minimum_of] == [COLLEGE_RULE]
    assert levels["senior"].excluded_by == [] and levels["senior"].minimum_of == []
    for level, summary in levels.items():
        assert summary.count == sum(1 for c in portal.catalogue.certificates if level in c.level_names) > 0


def test_rules_reach_the_levels_and_certificates_they_name(portal):
    cert = portal.catalogue.certificates[0].model_copy(
        update={"levels": [CertificateLevel(level="intermediate"), CertificateLevel(level="junior")]}
    )
    named = CertificateRule(
        id="only-this", text=Text(zh="仅此证书"), excluded_levels=["intermediate"], certificates=[cert.id]
    )
    other = CertificateRule(
        id="another", text=Text(zh="另一证书"), excluded_levels=["junior"], certificates=["not-this-one"]
    )
    notice = portal.notice_by_id["hunan-2022-80"].model_copy(update={"certificate_rules": [named, other]})
    rules = rule_refs([portal.notice_by_id["sdcet-2024-26"], notice])
    sources = {s.id: s for s in portal.catalogue.sources}
    row = certificate_row(cert, portal.catalogue.batches[0], rules, sources)
    limits = {cell.level: [(r.notice.id, r.rule.id) for r in cell.excluded_by] for cell in row.levels}
    assert limits == {"junior": [COLLEGE_RULE], "intermediate": [("hunan-2022-80", "only-this")]}
    assert [cell.level for cell in row.levels] == ["junior", "intermediate"]  # lowest first, whatever the data's order
    assert [(r.notice.id, r.rule.id) for r in row.named_in] == [("hunan-2022-80", "only-this")]


# ---------------------------------------------------------------- pages


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_catalogue_page_lists_every_certificate_once_in_order_with_an_anchor(built_site, portal, lang):
    expected = [
        f"cert-{c['id']}" for c in page_order([c.model_dump(exclude_none=True) for c in portal.catalogue.certificates])
    ]
    # the catalogue's page names every certificate, each linking to its row on a page of the list
    entries = finder_entries(built_site, lang)
    assert [e["id"] for e in entries] == expected
    rows = list_rows(built_site, lang)
    assert [row.select_one("h3.x-cert-name")["id"] for _, row in rows] == expected  # each once, in order
    where = {row.select_one("h3.x-cert-name")["id"]: url for url, row in rows}
    for entry in entries:
        assert entry_target(built_site, lang, entry) == (where[entry["id"]], entry["id"])
    pages = list_pages(built_site, lang)
    assert len(pages) == len(set(pages)) and all(url.startswith(page_of_url(lang) + "/") for url in pages)
    for url in pages:
        shown = soup(built_site, url)
        assert 0 < len(shown.select("table.x-catalogue tbody tr.x-cert")) <= CATALOGUE_CERTIFICATES_PER_PAGE
        headers = [words(th) for th in shown.select("table.x-catalogue thead th")]
        assert headers[:4] == [
            language.label(k, lang)
            for k in ("cat_name", "cat_batch", "cat_levels_since", "cat_organisation_and_source")
        ]
    without_batch = [e["id"] for e in entries if e.find_parent("section")["data-batch"] == "none"]
    assert len(without_batch) == sum(1 for c in portal.catalogue.certificates if c.batch is None) > 0
    by_id = {row.select_one("h3.x-cert-name")["id"]: row for _, row in rows}
    assert all(language.label("cat_batch_not_given", lang) in words(by_id[i]) for i in without_batch)


def page_of_url(lang: str) -> str:
    return "certificates" if lang == "zh" else "en/certificates"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_platform_row_is_on_the_page_with_its_level_and_date(built_site, portal, lang):
    rows = rows_by_id(built_site, lang)
    held = by_name(portal)
    for ref in reference_rows(PLATFORM):
        c = held[ref["certificate"]]
        row = rows[c.id]
        shown_name = row.select_one(".x-cert-zh") if lang == "en" else row.select_one("h3")
        assert words(shown_name) == ref["certificate"]
        chip = row.select_one(
            f'.x-level[data-level="{LEVEL_OF[ref["level"]]}"][data-platform-id="{ref["platform_id"]}"]'
        )
        assert chip is not None, (c.id, ref)
        assert words(chip).rstrip("*").strip() == language.enum_label("level", LEVEL_OF[ref["level"]], lang)
        since = chip.find_next_sibling("time")
        day = dt.date.fromisoformat(ref["effective_from"])
        assert since["datetime"] == ref["effective_from"]
        assert words(since) == language.label("cat_level_since", lang) % language.fmt_date(day, lang)
        assert ref["organisation"] in words(row)
        assert row.select_one(f'a.x-cert-source[href$="/#source-{PLATFORM_SOURCE}"]') is not None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_merged_certificates_show_each_source_and_bim_both_spellings(built_site, portal, lang):
    rows = rows_by_id(built_site, lang)
    source_names = {s.id: language.plain(s.name, lang) for s in portal.catalogue.sources}
    for c in portal.catalogue.certificates:
        row = rows[c.id]
        assert [a["href"] for a in row.select("a.x-cert-source")] == [
            f"../#source-{i}" for _, ids in c.organisations() for i in ids
        ]
        assert [words(a) for a in row.select("a.x-cert-source")] == [
            source_names[i] for _, ids in c.organisations() for i in ids
        ]
    bim = rows["bim"].select(".x-cert-org")
    assert len(bim) == 2
    for block, (zh, source) in zip(
        bim,
        [
            ("廊坊市中科建筑产业化创新研究中心（中国建设教育协会人才评价中心）", BATCH_SOURCE),
            ("廊坊市中科建筑产业化创新研究中心", PLATFORM_SOURCE),
        ],
    ):
        assert zh in words(block)
        assert language.label("cat_as_written_by", lang).strip() in words(block)
        assert [a["href"] for a in block.select("a.x-cert-source")] == [f"../#source-{source}"]
    if lang == "en":
        assert "Langfang Zhongke Construction Industrialisation Innovation Research Centre" in words(bim[1])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_counts_on_the_page_equal_the_data(built_site, portal, lang):
    page = page_of(built_site, lang)
    cat = portal.catalogue
    box = page.select_one("#completeness")
    held = language.label("cat_held", lang) % {"held": len(cat.certificates), "total": cat.total_published}
    assert words(box.select_one(".x-cat-held")) == held
    for s in cat.sources:
        count = sum(1 for c in cat.certificates if s.id in {x.source for x in c.sources})
        assert (
            words(box.select_one(f'.x-count[data-source="{s.id}"]'))
            == language.label("cat_n_certificates", lang) % count
        )
        assert language.label("cat_source_cited", lang) % count in words(
            page.select_one(f"#source-{s.id}").find_next("dd")
        )
    merged = sum(1 for c in cat.certificates if len(c.sources) > 1)
    assert language.label("cat_merged", lang) % {"n": merged} in words(box.select_one(".x-cat-by-source"))
    without_levels = sum(1 for c in cat.certificates if not c.levels)
    assert words(box.select_one(".x-levels-not-given")) == language.label("cat_levels_not_given", lang) % {
        "n": without_levels
    }
    for summary in page.select(".x-level-count"):
        count = sum(1 for c in cat.certificates if summary["data-level"] in c.level_names)
        assert words(summary) == language.label("cat_level_count", lang) % count
    batches = {row["id"]: words(row.select("td")[1]) for row in page.select("table.x-cat-batches tbody tr")}
    expected = {f"batch-{b.number}": str(sum(1 for c in cat.certificates if c.batch == b.number)) for b in cat.batches}
    expected["batch-none"] = str(sum(1 for c in cat.certificates if c.batch is None))
    assert batches == expected
    assert len(finder_entries(built_site, lang)) == len(list_rows(built_site, lang)) == len(cat.certificates)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_catalogue_states_its_completeness_hand_over_and_where_the_official_list_is(built_site, portal, lang):
    box = page_of(built_site, lang).select_one("#completeness")
    assert box.select_one('a[href="https://vslc.ncb.edu.cn/"]') is not None
    assert "职业技能等级证书信息管理服务平台" in words(box)
    note = box.select_one(".x-cat-handed-over")
    assert words(note).startswith(language.label("cat_handed_over", lang))
    assert " ".join(language.plain(portal.catalogue.handed_over_note, lang).split()) in words(note)
    assert "人社厅函〔2025〕154号" in words(note)


def test_filters_are_hidden_without_javascript_and_offer_no_batch_and_each_level(built_site, portal):
    page = soup(built_site, "certificates")
    assert page.select_one("form#catalogue-filters").has_attr("hidden")
    entries = finder_entries(built_site, "zh")
    assert len(entries) == len(portal.catalogue.certificates) and not any(e.has_attr("hidden") for e in entries)
    no_batch = ["none"] if any(c.batch is None for c in portal.catalogue.certificates) else []
    assert [o["value"] for o in page.select("select[name=batch] option")] == [""] + [
        str(b.number) for b in portal.catalogue.batches
    ] + no_batch
    assert [o["value"] for o in page.select("select[name=level] option")] == ["", "junior", "intermediate", "senior"]
    spellings = {s.organisation.zh for c in portal.catalogue.certificates for s in c.sources}
    options = page.select("select[name=org] option")[1:]
    assert {o["value"] for o in options} == spellings
    # each entry names its organisation's spellings by the options' keys (the script's search reads their names)
    by_key = {o["data-key"]: o["value"] for o in options}
    for entry, c in zip(entries, page_order([c.model_dump(exclude_none=True) for c in portal.catalogue.certificates])):
        assert {by_key[k] for k in entry["data-orgs"].split()} == {s["organisation"]["zh"] for s in c["sources"]}
        assert entry["data-levels"].split() == level_names(c)


@pytest.mark.parametrize(
    "url,texts",
    [
        (
            "certificates",
            ["本校申报证书等级须为中级及以上，不得申报初级", "山东电子职业技术学院", "鲁电职院教字〔2024〕26号"],
        ),
        (
            "en/certificates",
            [
                "The college applies only for intermediate level and above, never junior",
                "Shandong College of Electronic Technology",
                "鲁电职院教字〔2024〕26号",
            ],
        ),
    ],
)
def test_college_rule_is_on_the_catalogue(built_site, url, texts):
    page = soup(built_site, url)
    lang = "en" if url.startswith("en/") else "zh"
    rule = page.select_one("#rule-sdcet-2024-26--intermediate-and-above")
    assert rule is not None
    for text_ in texts:
        assert text_ in words(rule)
    assert [s["data-level"] for s in rule.select(".x-rule-excluded .x-level")] == ["junior"]
    assert [s["data-level"] for s in rule.select(".x-rule-allowed .x-level")] == ["intermediate", "senior"]
    assert rule.select_one('a[href$="notices/sdcet-2024-26/#rule-intermediate-and-above"]') is not None
    junior = page.select_one("#level-junior").find_next("dd")
    assert junior.select_one('a[href="#rule-sdcet-2024-26--intermediate-and-above"]') is not None
    # every junior level in the list carries the rule's marker, no other level does
    chips = [chip for _, row in list_rows(built_site, lang) for chip in row.select(".x-level")]
    junior_chips = [c for c in chips if c["data-level"] == "junior"]
    assert junior_chips and all(
        c.select_one('a.x-level-rule[href="../#rule-sdcet-2024-26--intermediate-and-above"]') for c in junior_chips
    )
    assert [c for c in chips if c["data-level"] != "junior" and c.select("a.x-level-rule")] == []


@pytest.mark.parametrize(
    "url,excluded,text_",
    [
        ("notices/sdcet-2024-26", "初级", "本校申报证书等级须为中级及以上，不得申报初级"),
        (
            "en/notices/sdcet-2024-26",
            "Junior",
            "The college applies only for intermediate level and above, never junior",
        ),
    ],
)
def test_college_rule_is_on_its_notice_page(built_site, url, excluded, text_):
    rule = soup(built_site, url).select_one("li#rule-intermediate-and-above")
    assert rule is not None
    assert text_ in words(rule)
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


def test_search_lands_on_each_certificate(built_site, portal):
    """Each certificate's name is a heading with an id on its page of the list: Pagefind's result for it links to that
    row (a sub-result)."""
    from tests.support import pagefind_pages

    pages = pagefind_pages(built_site)
    names = {f"cert-{c.id}": c.name for c in portal.catalogue.certificates}
    for lang in ("zh", "en"):
        rows = list_rows(built_site, lang)
        assert {row.select_one("h3")["id"] for _, row in rows} == set(names), lang
        for url, row in rows:
            anchor = row.select_one("h3")["id"]
            anchors = {a["id"]: a["text"] for a in pages[url.strip("/") + "/"]["anchors"] if a["element"] == "h3"}
            assert anchors.get(anchor) == getattr(names[anchor], lang), (lang, url, anchor)


def test_search_indexes_each_certificates_names_not_its_repeated_lines(built_site, portal):
    """A page of the list's Pagefind text holds each of its certificates' names (both languages on the English pages),
    not the batch, level-date and source lines every row repeats."""
    from tests.support import pagefind_pages

    pages = pagefind_pages(built_site)
    names = {f"cert-{c.id}": c.name for c in portal.catalogue.certificates}
    for lang in ("zh", "en"):
        for url in list_pages(built_site, lang):
            text = pages[url.strip("/") + "/"]["content"].replace("\u200b", "")
            html = soup(built_site, url)
            for row in html.select("table.x-catalogue tbody tr.x-cert"):
                name = names[row.select_one("h3")["id"]]
                assert name.zh in text and getattr(name, lang) in text, (lang, url, name.zh)
            for repeated in html.select("time.x-level-since, small.x-cert-org-source"):
                assert repeated.get_text(" ", strip=True) not in text, (lang, url, repeated)


# ---------------------------------------------------------------- scale


def test_catalogue_builds_with_500_certificates(project, tmp_path):
    data = write_synthetic_catalogue(project, 500)
    out = tmp_path / "site"
    result = run_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in ("zh", "en"):
        page = page_of(out, lang)
        expected = [f"cert-{c['id']}" for c in page_order(data["certificates"])]
        assert [e["id"] for e in finder_entries(out, lang)] == expected
        rows = list_rows(out, lang)
        assert [r.select_one("h3.x-cert-name")["id"] for _, r in rows] == expected
        pages = list_pages(out, lang)
        assert len(pages) >= 500 / CATALOGUE_CERTIFICATES_PER_PAGE
        assert all(sum(1 for url, _ in rows if url == p) <= CATALOGUE_CERTIFICATES_PER_PAGE for p in pages)
        options = page.select("select[name=org] option")[1:]
        organisations = {
            s["organisation"]["zh"]: s["organisation"][lang] for c in data["certificates"] for s in c["sources"]
        }
        assert [o.get_text() for o in options] == sorted(organisations.values())
        assert {o["value"] for o in options} == set(organisations)
    # The college's rule marks every junior level it rules out, wherever that level appears.
    rows = [row for _, row in list_rows(out, "zh")]
    with_junior = [c for c in data["certificates"] if any(e["level"] == "junior" for e in c["levels"])]
    marked = [
        a
        for row in rows
        for a in row.select(
            '.x-level[data-level="junior"] a.x-level-rule[href="../#rule-sdcet-2024-26--intermediate-and-above"]'
        )
    ]
    assert len(marked) == len(with_junior) > 0
    assert [a for row in rows for a in row.select('.x-level[data-level="senior"] a.x-level-rule')] == []


@pytest.mark.parametrize("count,per_page", [(500, 100), (500, 30), (71, 100), (40, 3), (13, 4), (1, 1)])
def test_the_list_is_cut_into_batches_and_equal_parts_holding_each_certificate_once(count, per_page):
    data = synthetic_catalogue(count)
    certificates = [Certificate.model_validate(c) for c in data["certificates"]]
    cut = parts(certificates, per_page)
    shown = [c.id for part in cut for c in part.certificates]
    assert shown == [c["id"] for c in page_order(data["certificates"])]  # each once, in the catalogue's order
    assert len({part.slug for part in cut}) == len(cut)
    for part in cut:
        assert 0 < len(part.certificates) <= per_page
        assert {c.batch for c in part.certificates} == {part.batch}
        siblings = [p for p in cut if p.batch == part.batch]
        assert part.of == len(siblings) and max(len(p.certificates) for p in siblings) - len(part.certificates) <= 1
        # a batch's first page keeps the batch's name whether or not the batch grows past one page
        assert (part.number == 1) == (part.slug in ("no-batch", f"batch-{part.batch}"))
