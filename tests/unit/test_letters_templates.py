"""Templates (merge-field checks, versions, shipped seeds), the letterhead, and the
personnummer guard on its own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import NotFound, ValidationError
from app.models.enums import LetterKind
from app.services.letters import LetterService
from app.services.letters.fields import Field, check, fill, parse
from app.services.letters.redact import redact
from app.services.letters.templates import SHIPPED
from app.services.session import Services


@pytest.fixture
def letters(services: Services) -> LetterService:
    return LetterService(services.db)


def test_check_finds_misspelt_and_unknown_fields_with_suggestions() -> None:
    body = "Rubrik\n\nHej {förnman}!\nDin {grupp} och {xyz}, {{inte ett fält}}.\n{ Telefon } }"
    problems = check(body)
    assert [(p.line, p.found, p.suggestion) for p in problems[:2]] == [
        (3, "{förnman}", "förnamn"), (4, "{xyz}", None)]
    assert problems[2].line == 5 and "”}”" in problems[2].message
    assert "menade du {förnamn}?" in str(problems[0])


def test_aliases_and_call_in_only_fields() -> None:
    assert check("{first_name} {GROUP} {öppettider}") == []
    problems = check("Hej\n\nVi ses {tid} i {plats}", LetterKind.CUSTOM_NOTIFICATION)
    assert [p.found for p in problems] == ["{tid}", "{plats}"]
    assert check("Hej\n\nVi ses {tid}", LetterKind.CALLIN_INVITATION) == []


def test_unbalanced_open_brace() -> None:
    (problem,) = check("Hej {förnamn")
    assert problem.column == 5 and "”{”" in problem.message


@given(st.text(alphabet=st.sampled_from("{}ab förnamtid\n"), max_size=40))
def test_parser_never_raises(body: str) -> None:
    segments, problems = parse(body)
    assert all(isinstance(s, str | Field) for s in segments)
    assert all(p.line >= 1 and p.column >= 1 for p in problems)


@given(st.text(max_size=60))
def test_literal_braces_round_trip(text: str) -> None:
    escaped = text.replace("{", "{{").replace("}", "}}")
    segments, problems = parse(escaped)
    assert problems == []
    assert fill(segments, {}) == text


def test_shipped_templates_are_seeded_once_and_clean(services: Services,
                                                     letters: LetterService) -> None:
    summaries = letters.templates()
    assert {(t.name, t.language) for t in summaries} == {
        (n, lang) for n in SHIPPED for lang in ("sv", "en")}
    assert all(t.version == 1 for t in summaries)
    assert len(LetterService(services.db).templates()) == len(summaries)
    for t in summaries:
        body = letters.template(t.name, t.language).body
        assert check(body, t.kind) == [], t.name
    assert "Vi vill inte att du dör" in letters.template("forum", "sv").body
    assert "individual" not in letters.template("forum", "en").body
    assert "prison" in letters.template("riktat-samtal", "en").body  # legal exposure


def test_saving_makes_versions(letters: LetterService) -> None:
    old = letters.template("forum", "sv").body
    assert letters.save_template("forum", "sv", old + "\n\nEtt stycke till.") == 2
    assert letters.save_template("forum", "sv", old + "\n\nEtt stycke till.") == 2  # unchanged
    assert letters.save_template("forum", "sv", old) == 3
    assert [v.version for v in letters.versions("forum", "sv")] == [3, 2, 1]
    assert letters.template("forum", "sv", version=2).body.endswith("Ett stycke till.")
    assert letters.template("forum", "sv").version == 3
    with pytest.raises(NotFound):
        letters.template("forum", "sv", version=9)


def test_saving_refuses_problems_and_changes_nothing(letters: LetterService) -> None:
    with pytest.raises(ValidationError) as exc:
        letters.save_template("forum", "sv", "Rubrik\n\nHej {förnman}")
    assert exc.value.errors[0].field == "body" and "förnamn" in str(exc.value)
    with pytest.raises(ValidationError):
        letters.save_template("forum", "sv", "Bara en rubrik")
    with pytest.raises(ValidationError) as exc:
        letters.save_template("ny", "sv", "Rubrik\n\nText.")
    assert exc.value.errors[0].field == "kind"
    with pytest.raises(ValidationError):
        letters.save_template("forum", "fi", "Rubrik\n\nText.")
    assert [v.version for v in letters.versions("forum", "sv")] == [1]
    assert letters.save_template("ny", "sv", "Rubrik\n\nText.", kind="custom_notification") == 1


def test_letterhead_round_trip_and_validation(letters: LetterService) -> None:
    assert letters.letterhead().partners == ()
    saved = letters.save_letterhead({
        "partners": "Polisen\nKriminalvården\n", "phone": "040-12 34 56",
        "signatories": [{"name": "Eva Ström", "title": "Chef"}]})
    assert letters.letterhead() == saved
    assert saved.partners == ("Polisen", "Kriminalvården")
    assert saved.signatories[0].organisation == ""
    with pytest.raises(ValidationError) as exc:
        letters.save_letterhead({"phone": "0701234567",
                                 "partners": [f"Part {n}" for n in "abcdefg"],
                                 "signatories": [{"title": "utan namn"}],
                                 "contact_person": "Namn 811218-9876"})
    assert {e.field for e in exc.value.errors} == {"phone", "partners", "signatories",
                                                   "contact_person"}
    with pytest.raises(ValidationError):
        letters.save_letterhead({"okänt": 1})
    assert letters.letterhead() == saved


@pytest.mark.parametrize("text", ["811218-9876", "19811218-9876", "8112189876",
                                  "811218 9876", "811218\n-\n9876", "19811218+9876",
                                  "811278-1234", "x12345678901234"])
def test_redact_takes_every_id_like_number(text: str) -> None:
    assert not any(ch.isdigit() for ch in redact(text).replace("x", ""))


@pytest.mark.parametrize("text", ["040-123 45 67", "2026-04-14 kl. 18.00", "211 45 Malmö"])
def test_redact_leaves_other_numbers(text: str) -> None:
    assert redact(text) == text
