# The worked examples in CONTRIBUTING.md and CONTRIBUTING.en.md are valid data: each ```yaml block names what it is
# (a data file path, a model, or Model.field for a snippet) and is validated as such, so the guide cannot go stale.
from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from macros.data import models
from macros.data.loader import read_yaml
from macros.data.portal import load_portal
from tests.support import CHECKOUT

GUIDES = ["CONTRIBUTING.md", "CONTRIBUTING.en.md"]
BLOCK = re.compile(r"^```yaml (?P<what>\S+)\n(?P<body>.*?)^```$", re.S | re.M)
REQUIRED = {
    "Notice.deadlines",
    "Notice.contacts",
    "Notice.attachments",
    "Form",
    "CertificateCatalogue.certificates",
    "Notice.relations",
    "Notice.plausibility_exceptions",
}
# data file examples: folder -> the portal's index of that kind of record
BY_FOLDER = {"notices": "notice_by_id", "provinces": "province_by_id", "forms": "form_by_id"}


def _blocks(guide: str) -> list[tuple[str, str]]:
    return [(m["what"], m["body"]) for m in BLOCK.finditer((CHECKOUT / guide).read_text(encoding="utf-8"))]


def _value(body: str, tmp_path: Path):
    """The block as the loader reads data files (dates stay text until the model parses them)."""
    (tmp_path / "block.yml").write_text(body, encoding="utf-8")
    problems: list = []
    doc = read_yaml(tmp_path / "block.yml", "block.yml", problems)
    assert not problems, problems
    return doc.value


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_covers_notice_deadline_contact_form_certificate_and_preview(guide):
    whats = {what for what, _ in _blocks(guide)}
    assert whats >= REQUIRED, REQUIRED - whats
    assert any(what.startswith("data/notices/") for what in whats)
    assert any(what.startswith("data/provinces/") for what in whats)  # adding a province and its issuers
    text = (CHECKOUT / guide).read_text(encoding="utf-8")
    for command in (
        "make serve",
        "make check",
        "python -m macros new-notice --province",
        "python -m macros schemas",
        "python -m macros new-province --id",
        "python -m macros new-form --notice",
    ):
        assert command in text, command


@pytest.mark.parametrize("guide", GUIDES)
def test_every_example_in_the_guide_is_valid(guide, tmp_path, data_root):
    blocks = _blocks(guide)
    for what, body in blocks:
        value = _value(body, tmp_path)
        if what.startswith("data/"):
            target = data_root / what
            target.write_text(body, encoding="utf-8")
            loaded = load_portal(data_root)  # cross-references too: the issuer exists, ids match file names
            assert target.stem in getattr(loaded, BY_FOLDER[Path(what).parent.name])
            target.unlink()
            continue
        model_name, _, field = what.partition(".")
        model = getattr(models, model_name)
        if not field:
            model.model_validate(value)
            continue
        assert set(value) == {field}, f"{what}: the block must hold only `{field}:`"
        TypeAdapter(model.model_fields[field].annotation).validate_python(value[field])


def test_both_languages_hold_the_same_examples(tmp_path):
    zh, en = _blocks(GUIDES[0]), _blocks(GUIDES[1])
    assert [what for what, _ in zh] == [what for what, _ in en]
    # Comments are in each guide's language; the data itself is the same.
    assert [_value(body, tmp_path) for _, body in zh] == [_value(body, tmp_path) for _, body in en]


@pytest.mark.parametrize("guide", GUIDES)
def test_the_message_quoted_for_a_fresh_scaffold_is_the_real_one(guide, data_root, portal):
    from macros.cli.scaffold import write_notice_scaffold
    from macros.data.errors import DataError

    write_notice_scaffold(data_root, portal, "hunan", "hunan-2099-1")
    with pytest.raises(DataError) as info:
        load_portal(data_root)
    first = next(str(p) for p in info.value.problems if p.path == "doc_number")
    assert f"\n{first}\n" in (CHECKOUT / guide).read_text(encoding="utf-8")
