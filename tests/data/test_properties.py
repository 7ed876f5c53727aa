# Property-based tests (hypothesis): random valid and invalid records, YAML texts and data folders fed to the loader
# and validator never raise anything but DataError; valid records always load, and what loads is what was written.
from __future__ import annotations

import copy
import datetime as dt
import functools
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.data import models
from macros.data.cjk import join_folded_lines
from macros.data.errors import DataError
from macros.data.loader import Document, _read_with_positions, read_yaml, to_model
from macros.data.portal import load_portal
from macros.data.relations import document_date, number_year
from macros.outputs.feed import atom_feed
from macros.render.pages import page_markdown
from macros.views.pages import core_specs
from tests.support import ROOT, site_config

NOTICE_KEYS = list(models.Notice.model_fields)
REAL_NOTICE = yaml.safe_load((ROOT / "data" / "notices" / "hunan-2022-80.yml").read_text(encoding="utf-8"))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates().map(dt.date.isoformat),
    st.sampled_from(["javascript:alert(1)", "https://a.example", "2022-02-30", "<script>", "{{ x }}", ""]),
)
keys = st.one_of(
    st.sampled_from(NOTICE_KEYS + ["zh", "en", "id", "start", "end", "url", "number"]), st.text(max_size=12)
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=25,
)
records = st.dictionaries(keys, values, max_size=14)


def _validate(value, model) -> tuple[object, list]:
    problems: list = []
    return to_model(Document("data/notices/x.yml", value), model, problems), problems


@SETTINGS
@given(value=st.one_of(records, values))
def test_random_records_give_a_model_or_problems_never_an_exception(value):
    for model in (models.Notice, models.Province, models.Form, models.CertificateCatalogue):
        record, problems = _validate(value, model)
        assert (record is None) == bool(problems)
        assert all(p.file == "data/notices/x.yml" and p.line >= 1 and p.col >= 1 for p in problems)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _paths(sub, prefix + (key,))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _paths(sub, prefix + (i,))


REAL_PATHS = [p for p in _paths(REAL_NOTICE) if p]


def _replace(value, path, new):
    value = copy.deepcopy(value)
    target = value
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return value


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(REAL_PATHS), new=values)
def test_a_real_notice_with_one_field_broken_is_reported_never_raised(path, new):
    broken = _replace(REAL_NOTICE, path, new)
    broken = yaml.safe_load(yaml.safe_dump(broken, allow_unicode=True))  # dates as the loader sees them: text
    record, problems = _validate(broken, models.Notice)
    assert (record is None) == bool(problems)


yaml_texts = st.text(
    alphabet=st.sampled_from(list(":-[]{}#&*!|>'\"%@`?,. \t\n\r\ufeff\x00\x07abcz09é测")), max_size=300
)


@SETTINGS
@given(text=st.one_of(yaml_texts, st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def test_random_yaml_text_is_read_or_reported(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.yml"
        path.write_bytes(text.encode("utf-8", errors="surrogateescape"))
        problems: list = []
        doc = read_yaml(path, "x.yml", problems)
        assert doc is not None or problems
        if doc is not None and doc.text is not None:  # read the fast way, without positions: as the careful way reads
            careful = Document("x.yml", _marks={}, _key_marks={})
            assert _read_with_positions(careful, doc.text, []) and careful.value == doc.value


# ---------------------------------------------------------------- whole data folders


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("prop")
    shutil.copytree(ROOT / "data", root / "data")
    return root


# Readable text (no control characters): Python and pydantic agree on what surrounding whitespace is.
line = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn")), min_size=1, max_size=60).filter(str.strip)
ids = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}\Z")
numbers = line.filter(lambda text: number_year(text) is None)  # a year in the number must match `issued`


@functools.lru_cache(maxsize=1)
def _real_years() -> tuple[int, int]:
    """The earliest document's year and the newest `updated` year of the real data: valid random notices stay inside
    the span the plausibility checks take from it (macros/data/plausibility.py)."""
    portal = load_portal(ROOT)
    first = min(
        [document_date(n).year for n in portal.notices if document_date(n)] + [r.year for r in portal.referenced]
    )
    return first, max(r.updated for r in [*portal.notices, *portal.forms, *portal.referenced]).year


@st.composite
def valid_notices(draw):
    first, newest = _real_years()
    issued = draw(st.dates(min_value=dt.date(first, 1, 1), max_value=dt.date(newest, 12, 31)))
    start = draw(st.dates(min_value=issued - dt.timedelta(days=365), max_value=dt.date(newest + 1, 12, 31)))
    end = draw(st.dates(min_value=start, max_value=dt.date(newest + 2, 12, 31)))
    issuer = draw(st.sampled_from(["hunan-edu", "anhui-edu", "shandong-edu-vocational"]))
    return {
        "id": issuer.split("-")[0] + "-prop-notice",  # an id names the issuer's province
        "issuer": issuer,
        "doc_number": draw(numbers),
        "title": {"zh": draw(line), **({"en": draw(line)} if draw(st.booleans()) else {})},
        "issued": issued.isoformat(),
        "audience": draw(
            st.lists(
                st.sampled_from(["higher_vocational", "secondary_vocational", "municipal_bureau"]),
                min_size=1,
                max_size=3,
            )
        ),
        "status": draw(st.sampled_from(["in_force", "expired", "superseded", "unknown"])),
        "summary": {"zh": draw(line)},
        "deadlines": [
            {
                "id": draw(ids),
                "stage": "school_filing",
                "title": {"zh": draw(line)},
                "applies_to": {"zh": draw(line)},
                "start": start.isoformat(),
                "end": end.isoformat(),
            }
        ],
        "contacts": [
            {
                "name": {"zh": draw(line)},
                "role": {"zh": draw(line)},
                "phones": [draw(st.from_regex(r"\A0[0-9]{2,3}-[0-9]{7,8}\Z"))],
                "qq_groups": [{"number": draw(st.from_regex(r"\A[1-9][0-9]{4,11}\Z")), "name": {"zh": draw(line)}}],
            }
        ],
        "source": {"url": draw(st.sampled_from(["https://jyt.example.gov.cn/a.html", "http://x.example/b?c=1"]))},
        "updated": draw(st.dates(min_value=issued, max_value=dt.date(max(newest, issued.year), 12, 31))).isoformat(),
    }


def _load_with(data_copy: Path, body: str, notice_id: str):
    target = data_copy / "data" / "notices" / f"{notice_id}.yml"
    target.write_text(body, encoding="utf-8")
    try:
        return load_portal(data_copy)
    finally:
        target.unlink()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(notice=valid_notices())
def test_valid_random_notices_load_as_written(data_copy, notice):
    portal = _load_with(data_copy, yaml.safe_dump(notice, allow_unicode=True), notice["id"])
    loaded = portal.notice_by_id[notice["id"]]
    # as written, less the spaces Chinese text never has (macros/data/cjk.py)
    assert loaded.doc_number == join_folded_lines(notice["doc_number"].strip())
    assert loaded.title.zh == join_folded_lines(notice["title"]["zh"].strip())
    assert loaded.deadlines[0].end.isoformat() == notice["deadlines"][0]["end"]
    assert loaded.contacts[0].qq_groups[0].number == notice["contacts"][0]["qq_groups"][0]["number"]
    # Whatever validates can be published: the notice page renders and the Atom feed (XML) carries its title.
    spec = next(s for s in core_specs(portal) if s.kind == "notices" and s.ident == notice["id"])
    assert "render_macros: false" in page_markdown(spec, portal, "en")
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [
        e.findtext(f"{atom}title")
        for e in ET.fromstring(atom_feed(portal, "zh", site_config(None))).iter(f"{atom}entry")
    ]
    assert loaded.title.zh in titles


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(notice=valid_notices(), data=st.data())
def test_any_broken_data_folder_raises_only_data_error(data_copy, notice, data):
    path = data.draw(st.sampled_from([p for p in _paths(notice) if p]))
    broken = _replace(notice, path, data.draw(values))
    body = data.draw(st.one_of(st.just(yaml.safe_dump(broken, allow_unicode=True)), yaml_texts))
    try:
        portal = _load_with(data_copy, body, notice["id"])
    except DataError as exc:
        assert exc.problems and exc.report().endswith("nothing was built.")
    else:
        assert portal.notices  # the broken value happened to be valid: fine, but then it loaded
