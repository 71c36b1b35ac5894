"""A sample letter for the template editor: made-up recipient, unsaved body, nothing recorded."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from app.errors import ValidationError
from app.services import audit
from app.services.letters import LetterService
from app.services.session import Services


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def test_sample_of_the_stored_template_is_one_page_to_a_made_up_person(
        services: Services) -> None:
    letters = LetterService(services.db)
    letters.templates()  # seed the shipped templates first
    before = len(audit.list_events(services.db, limit=10_000))
    pages, text = _text(letters.preview_sample("forum", "sv"))
    assert pages == 1
    assert "Exempel Exempelsson" in text
    assert len(audit.list_events(services.db, limit=10_000)) == before
    assert letters.printed() == []


def test_sample_uses_the_unsaved_body_and_refuses_problems(services: Services) -> None:
    letters = LetterService(services.db)
    body = "Åter till skolan\n\nHej {förnamn}, din grupp är {grupp}."
    _pages, text = _text(letters.preview_sample("riktat-samtal", "sv", body))
    assert "Åter till skolan" in text and "Hej Exempel, din grupp är Exempelgruppen." in text
    with pytest.raises(ValidationError) as caught:
        letters.preview_sample("riktat-samtal", "sv", "Rubrik\n\nHej {förnman}")
    assert caught.value.errors[0].field == "body"
    assert letters.versions("riktat-samtal", "sv")[0].version == 1
