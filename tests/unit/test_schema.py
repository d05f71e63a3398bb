"""JSON Schemas in data/schema/ match the models, and every data file points its editor at one."""

import json

from macros.data.models import FILE_MODELS
from macros.data.schema import schema_texts, stale_schemas
from tests.conftest import ROOT

SCHEMA_DIR = ROOT / "data" / "schema"


def test_committed_schemas_match_the_models():
    assert stale_schemas(SCHEMA_DIR) == []


def test_a_changed_schema_is_reported_stale(tmp_path):
    for name, text in schema_texts().items():
        (tmp_path / name).write_text(text)
    (tmp_path / "faq.schema.json").write_text("{}\n")
    (tmp_path / "glossary.schema.json").unlink()
    assert stale_schemas(tmp_path) == ["glossary.schema.json", "faq.schema.json"]


def test_each_data_file_names_its_schema_on_its_first_line():
    for name in FILE_MODELS:
        first = (ROOT / "data" / name).read_text().splitlines()[0]
        schema = name.replace(".yml", ".schema.json")
        assert first == f"# yaml-language-server: $schema=schema/{schema}"
        assert (SCHEMA_DIR / schema).is_file()


def test_schemas_forbid_unknown_fields():
    faq = json.loads((SCHEMA_DIR / "faq.schema.json").read_text())
    assert faq["additionalProperties"] is False
    assert faq["$defs"]["Question"]["additionalProperties"] is False


def test_each_example_file_names_the_example_schema():
    for path in (ROOT / "data" / "examples").glob("*.yml"):
        assert path.read_text().splitlines()[0] == "# yaml-language-server: $schema=../schema/example.schema.json"
    assert (SCHEMA_DIR / "example.schema.json").is_file()
