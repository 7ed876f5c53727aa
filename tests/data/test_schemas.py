# The JSON Schemas under data/schemas/ are what the models generate (not stale), every data file points editors at
# its schema, the real data passes them, and they flag what the validator refuses (unknown keys, unsafe URLs).
from __future__ import annotations

import jsonschema
import pytest

from macros.data import models
from macros.data.loader import read_yaml
from macros.data.schemas import REGENERATE, SCHEMAS, files_without_modeline, modeline, schema_of, stale_schemas
from tests.support import ROOT


def test_committed_schemas_match_the_models():
    stale = stale_schemas(ROOT)
    assert not stale, f"data/schemas/ is stale ({', '.join(stale)}): the models changed. Regenerate with `{REGENERATE}`"


def test_every_data_file_points_editors_at_its_schema():
    missing = files_without_modeline(ROOT)
    assert not missing, "\n".join(missing)


def test_modeline_path_is_relative_to_the_file():
    assert modeline("notice", "notices/x.yml") == "# yaml-language-server: $schema=../schemas/notice.json"
    assert modeline("certificates", "certificates.yml") == "# yaml-language-server: $schema=schemas/certificates.json"


def _data_files():
    for kind, (_, pattern) in SCHEMAS.items():
        for path in sorted((ROOT / "data").glob(pattern)):
            yield kind, path


DATA_FILES = list(_data_files())


@pytest.mark.parametrize("kind,path", DATA_FILES, ids=[p.relative_to(ROOT).as_posix() for _, p in DATA_FILES])
def test_real_data_passes_its_schema(kind, path):
    problems = []
    doc = read_yaml(path, path.name, problems)  # dates stay text, as an editor's YAML 1.2 parser sees them
    assert not problems
    validator = jsonschema.Draft202012Validator(schema_of(kind), format_checker=jsonschema.FormatChecker())
    errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc.value)]
    assert not errors, "\n".join(errors)


URLS = [
    "https://a.example/x?y=1",
    "http://a.example",
    "mailto:a@b.cn",
    "tel:0731-1",
    "HTTPS://A.EXAMPLE",
    "javascript:alert(1)",
    "data:text/html,<b>",
    "ftp://a.example",
    "//a.example",
    "https://a b",
    "vbscript:x",
    " javascript:alert(1)",
    'https://a.example/"onmouseover=x',
]


@pytest.mark.parametrize("url", URLS)
def test_schema_and_model_agree_on_urls(url):
    import pydantic

    try:
        models.Source(url=url)
        model_accepts = True
    except pydantic.ValidationError:
        model_accepts = False
    schema_accepts = jsonschema.Draft202012Validator(schema_of("notice")["$defs"]["Source"]).is_valid({"url": url})
    assert schema_accepts == model_accepts, url


def test_schema_flags_unknown_keys_for_editors():
    validator = jsonschema.Draft202012Validator(schema_of("province"))
    record = {
        "id": "x",
        "name": {"zh": "省"},
        "issuers": [{"id": "x-edu", "kind": "department", "name": {"zh": "厅"}, "nmae": "typo"}],
    }
    assert [e.message for e in validator.iter_errors(record)] == [
        "Additional properties are not allowed ('nmae' was unexpected)"
    ]
    assert (
        schema_of("notice")["properties"]["updated"]["description"]
        == "when this record was last checked against the source"
    )


def test_every_field_of_every_record_says_what_it_holds():
    """Editors show a field's description on hover: each field of each model has one (Field(description=…))."""
    records = [obj for name in models.__all__ if isinstance(obj := getattr(models, name), type)]
    records = [r for r in records if issubclass(r, models.Record)]
    assert models.Notice in records and models.Form in records
    missing = [f"{r.__name__}.{name}" for r in records for name, f in r.model_fields.items() if not f.description]
    assert not missing, missing
