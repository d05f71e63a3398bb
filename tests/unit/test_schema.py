"""JSON Schemas in data/schema/ match the models, and every data file points its editor at one."""

import json

from macros.data.models import DATA_FILES
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
    for name, (_, schema) in DATA_FILES.items():
        folder = name.endswith("/<id>.yml")
        paths = sorted((ROOT / "data").glob(name.replace("<id>", "*"))) if folder else [ROOT / "data" / name]
        assert paths, name
        for path in paths:
            first = path.read_text().splitlines()[0]
            assert first == f"# yaml-language-server: $schema={'../' if folder else ''}schema/{schema}", path
        assert (SCHEMA_DIR / schema).is_file()


def test_schemas_forbid_unknown_fields():
    faq = json.loads((SCHEMA_DIR / "faq.schema.json").read_text())
    assert faq["additionalProperties"] is False
    assert faq["$defs"]["Question"]["additionalProperties"] is False

