"""New rows of an import go to SQLite as JSON batches; they must be stored exactly as the
bound-values route (and the ORM) stores them, whatever the text holds."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from app.exchange.merge import Merged
from app.exchange.records import TABLES, ValidRecord, to_record, validate_record
from app.services import bundle_rows
from app.services.bundle_apply import write_merged
from app.services.session import Services
from app.vault.engine import json_text

PARTNER = "7a7a7a7a-0000-4000-8000-000000000000"
STAMP = "1795684493970-000004"


@pytest.fixture
def person_template(services: Services) -> Iterator[tuple[Services, dict[str, Any]]]:
    made = services.people.create({"first_name": "Mall", "last_name": "Person",
                                   "personnummer": "19811218-9876", "city": "Lund"})
    with services.db.read() as s:
        row = s.execute(select(TABLES["person"]).where(
            TABLES["person"].c.id == made.id)).mappings().one()
    yield services, to_record("person", dict(row))


def _record(template: dict[str, Any], **fields: Any) -> ValidRecord:
    values = {**template, "id": str(uuid.uuid4()), "hlc": STAMP, "origin_unit": PARTNER,
              "field_clocks": None, "fields": {**template["fields"], "personnummer": None,
                                               "id_kind": None, **fields}}
    return validate_record(values, 1)


def _stored(services: Services, records: list[ValidRecord], *,
            plain: bool) -> dict[str, tuple[Any, ...]]:
    """Write ``records`` as new rows by one route, read them back as stored, take it back."""
    names = [c.name for c in TABLES["person"].columns if c.name not in ("created_at",
                                                                         "updated_at")]
    quoted = ", ".join(f'"{n}"' for n in names)
    merged = {(r.table, r.id): Merged(record=r, kind="new", changed_fields=(), reviews=())
              for r in records}
    with pytest.MonkeyPatch.context() as patch:
        if plain:
            patch.setattr(bundle_rows.Batch, "as_json", lambda self: None)
        with services.db.write() as s:
            s.info["keep_stamps"] = True
            write_merged(s, merged)
            rows = s.execute(text(f"SELECT {quoted} FROM person WHERE id IN "
                                  f"({', '.join(repr(r.id) for r in records)})")).all()
            s.rollback()
    return {r[names.index("id")]: tuple(r) for r in rows}


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=_TEXT.filter(bool), city=st.none() | _TEXT, aliases=st.lists(_TEXT, max_size=3),
       birth=st.none() | st.dates().map(lambda d: d.isoformat()))
@example(first='Å"\\\n\t\x01\x7f\u2028😀', city="Örebro", aliases=["Ö", 'a"b', "\\"],
         birth="2001-10-29")
@example(first="med\x00nul", city=None, aliases=["\x00"], birth=None)  # cannot go as JSON
def test_json_batches_store_what_bound_values_store(
        person_template: tuple[Services, dict[str, Any]], first: str, city: str | None,
        aliases: list[str], birth: str | None) -> None:
    services, template = person_template
    records = [_record(template, first_name=first, city=city, aliases=aliases,
                       birth_date=birth, frivard_status="none"),
               _record(template, first_name="Andra", aliases=[{"n": [1, None, True, -5]}])]
    as_json = _stored(services, records, plain=False)
    as_values = _stored(services, records, plain=True)
    assert as_json == as_values
    at = [c.name for c in TABLES["person"].columns
          if c.name not in ("created_at", "updated_at")].index("aliases")
    # The JSON column's text is the engine's own serializer's, as if the ORM had written it.
    assert as_json[records[0].id][at] == json_text(aliases)


def test_a_record_without_every_field_gets_the_defaults_either_way(
        person_template: tuple[Services, dict[str, Any]]) -> None:
    services, template = person_template
    fields = {k: v for k, v in template["fields"].items()
              if k not in ("aliases", "frivard_status", "phone")}
    partial = validate_record({**template, "id": str(uuid.uuid4()), "hlc": STAMP,
                               "origin_unit": PARTNER, "field_clocks": None,
                               "fields": {**fields, "personnummer": None, "id_kind": None}}, 1)
    complete = _record(template, first_name="Hel")
    as_json = _stored(services, [partial, complete], plain=False)
    assert as_json == _stored(services, [partial, complete], plain=True)
    row = dict(zip([c.name for c in TABLES["person"].columns
                    if c.name not in ("created_at", "updated_at")],
                   as_json[partial.id], strict=True))
    assert row["aliases"] == "[]" and row["frivard_status"] == "none" and row["phone"] is None


def test_the_generated_row_is_the_general_one(
        person_template: tuple[Services, dict[str, Any]]) -> None:
    services, template = person_template
    rows = bundle_rows.Rows(services.db.engine.dialect, bundle_rows.datetime.now())
    table = TABLES["person"]
    columns = [c for c in table.columns if c.name not in bundle_rows.BOOKKEEPING]
    procs = rows.processors(table, [c.name for c in columns])
    build = bundle_rows._builder("person", services.db.engine.dialect)
    at = len(bundle_rows._TOP) + [c.name for c in columns].index("birth_date")
    other_form = _record(template, birth_date="20011029", frivard_from="2026-01-02")
    for record in (other_form, _record(template, first_name="Östen", last_name="Åberg")):
        assert build(record) == rows._partial(table, columns, procs, record)
    assert build(other_form)[at] == "2001-10-29"  # another ISO form, stored in the usual one
