"""The core's gettext catalogue: complete, faithful to placeholders, and loaded when chosen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polib
import pytest

from app import i18n, i18n_catalogue
from app.errors import ValidationError
from app.i18n import Labels
from app.i18n_catalogue import Message, messages_in, placeholders
from app.services.people import clean_person

PO = i18n_catalogue.po_path("en")


@pytest.fixture(scope="module")
def catalogue() -> polib.POFile:
    return polib.pofile(str(PO))


@pytest.fixture
def english(tmp_path: Path) -> Iterator[Path]:
    """The English catalogue compiled into a scratch locale dir and switched on."""
    i18n_catalogue.compile_catalogues(out=tmp_path)
    i18n.set_language("en", localedir=tmp_path)
    try:
        yield tmp_path
    finally:
        i18n.set_language("sv")


def test_extractor_finds_literal_calls_only() -> None:
    source = (
        'x = _("en")\n'
        'y = n_("{n} rad", "{n} rader", 3)\n'
        'z = _(f"{x}")\n'          # not a literal: cannot be in a catalogue
        'w = other("tre")\n'
        'for _ in range(2):\n    pass\n'
    )
    assert messages_in(source) == {Message("en"), Message("{n} rad", "{n} rader")}


def test_sources_leave_out_the_screens() -> None:
    paths = i18n_catalogue.sources()
    assert any(p.name == "errors.py" for p in paths)
    assert not any("ui" in p.relative_to(i18n_catalogue.ROOT / "app").parts for p in paths)


def _translated(entry: polib.POEntry | None, message: Message) -> bool:
    if entry is None or entry.msgid_plural != (message.plural or ""):
        return False
    if message.plural is None:
        return bool(entry.msgstr.strip())
    return all(entry.msgstr_plural.get(i, "").strip() for i in (0, 1))


def test_every_core_message_has_an_english_translation(catalogue: polib.POFile) -> None:
    entries = {e.msgid: e for e in catalogue}
    missing = [m.msgid for m in i18n_catalogue.extract(i18n_catalogue.sources())
               if not _translated(entries.get(m.msgid), m)]
    assert missing == [], f"run python -m app.i18n_catalogue and translate them in {PO.name}"


def test_the_catalogue_holds_no_obsolete_messages(catalogue: polib.POFile) -> None:
    wanted = {m.msgid for m in i18n_catalogue.extract(i18n_catalogue.sources())}
    assert {e.msgid for e in catalogue} - wanted == set()


def test_translations_keep_every_placeholder(catalogue: polib.POFile) -> None:
    wrong = []
    for entry in catalogue:
        if entry.msgid_plural:
            pairs = [(entry.msgid, entry.msgstr_plural[0]),
                     (entry.msgid_plural, entry.msgstr_plural[1])]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        wrong += [source for source, text in pairs if placeholders(source) != placeholders(text)]
    assert wrong == []


def test_merge_keeps_translations_and_drops_what_the_code_no_longer_says(tmp_path: Path) -> None:
    po = i18n_catalogue.po_path("en", tmp_path)
    i18n_catalogue.merge("en", [Message("ett"), Message("{n} rad", "{n} rader")], tmp_path)
    written = polib.pofile(str(po))
    written.find("ett").msgstr = "one"
    written.find("{n} rad").msgstr_plural = {0: "{n} row", 1: "{n} rows"}
    written.save()

    i18n_catalogue.merge("en", [Message("{n} rad", "{n} rader"), Message("två")], tmp_path)
    merged = polib.pofile(str(po))
    assert [e.msgid for e in merged] == ["två", "{n} rad"]  # sorted, "ett" gone
    assert merged.find("{n} rad").msgstr_plural == {0: "{n} row", 1: "{n} rows"}
    assert merged.find("två").msgstr == ""
    assert merged.find("ett") is None
    assert merged.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"


def test_plural_forms_follow_english_rules(english: Path) -> None:
    assert i18n.n_("{n} person", "{n} personer", 1).format(n=1) == "1 person"
    assert i18n.n_("{n} person", "{n} personer", 2).format(n=2) == "2 people"
    assert i18n.n_("{n} person", "{n} personer", 0).format(n=0) == "0 people"


def test_labels_follow_the_language_chosen_after_import(english: Path) -> None:
    labels = Labels({"notes": "anteckningar", "own": "egen text"})
    assert dict(labels) == {"notes": "notes", "own": "egen text"}
    i18n.set_language("sv")
    assert labels["notes"] == "anteckningar"


def test_a_validation_error_reads_in_english_and_swedish_comes_back(english: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_person({})
    assert [e.reason for e in caught.value.errors] == ["is required", "is required"]
    # The labels come from a table built at import, before the language was chosen.
    assert str(caught.value) == "first name: is required; last name: is required"

    i18n.set_language("sv")
    with pytest.raises(ValidationError) as again:
        clean_person({})
    assert str(again.value) == "förnamn: måste fyllas i; efternamn: måste fyllas i"


def test_every_core_message_is_a_literal_the_extractor_can_see() -> None:
    """``_("a" if x else "b")`` or ``_(f"…")`` never reaches the catalogue and stays Swedish
    in English mode; write ``_("a") if x else _("b")``. (A name bound to a ``_("…")``
    literal elsewhere is fine.)"""
    import ast

    hidden = []
    for path in i18n_catalogue.sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "n_") and node.args
                    and not isinstance(node.args[0], ast.Constant | ast.Name)
                    and path.name != "i18n.py"):
                hidden.append(f"{path.name}:{node.lineno}")
    assert hidden == []
