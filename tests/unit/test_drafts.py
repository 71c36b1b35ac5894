"""Unsaved forms kept in the vault across a lock: round trip, per user, audited without
values."""

from __future__ import annotations

import json
from datetime import datetime

from app.models import HelplineContact, VaultMeta
from app.models.enums import HelplineChannel
from app.services import audit
from app.services.db import Db
from app.services.drafts import Draft, DraftService
from app.services.session import Services
from tests.conftest import USER

TEXTS = {"first_name": "Åsa", "last_name": "Öberg-Ärlig", "notes": "rad ett\nrad två"}


def _stored(services: Services) -> list[str]:
    with services.db.read() as s:
        return [row.value for row in s.query(VaultMeta).all()
                if row.key.startswith("draft:")]


def test_round_trip_keeps_swedish_letters_and_empties_the_store(services: Services) -> None:
    person = services.people.create({"first_name": "Bo", "last_name": "Ek"})
    drafts = [Draft("person", person.id, dict(TEXTS)), Draft("group", None, {"name": "Östra"})]
    assert services.drafts.stash(drafts) == 2
    assert services.drafts.count() == 2
    back = services.drafts.take()
    assert [(d.kind, d.record_id, d.fields) for d in back] == [
        ("person", person.id, TEXTS), ("group", None, {"name": "Östra"})]
    assert all(d.user == USER and d.saved_at is not None and not d.record_gone for d in back)
    assert services.drafts.take() == [] and _stored(services) == []


def test_nothing_to_stash_writes_nothing(services: Services) -> None:
    before = len(audit.list_events(services.db, limit=10_000))
    assert services.drafts.stash([]) == 0
    assert services.drafts.take() == []
    assert len(audit.list_events(services.db, limit=10_000)) == before


def test_drafts_of_another_user_are_neither_returned_nor_deleted(services: Services) -> None:
    other = DraftService(Db(services.vault, user="annan"))
    other.stash([Draft("incident", None, {"place": "Torget"})])
    services.drafts.stash([Draft("group", None, {"name": "Väst"})])
    assert [d.fields for d in services.drafts.take()] == [{"name": "Väst"}]
    assert services.drafts.discard_all() == 0
    assert [d.fields for d in other.take()] == [{"place": "Torget"}]


def test_a_deleted_record_is_flagged(services: Services) -> None:
    person = services.people.create({"first_name": "Bo", "last_name": "Ek"})
    services.drafts.stash([Draft("person", person.id, {"city": "Malmö"})])
    services.people.delete(person.id)
    (draft,) = services.drafts.take()
    assert draft.record_gone and draft.record_id == person.id and draft.fields["city"] == "Malmö"


def test_a_help_line_contact_typed_during_a_call_is_kept_and_flagged_when_deleted(
        services: Services) -> None:
    with services.db.write() as s:
        row = HelplineContact(contacted_at=datetime(2026, 3, 2, 21, 5),
                              channel=HelplineChannel.PHONE, anonymous=True)
        s.add(row)
        s.flush()
        contact_id = row.id
    fields = {"asked": "Vill ut, rädd för skulder", "follow_up_on": "2026-03-09"}
    services.drafts.stash([Draft("helpline_contact", None, fields),
                           Draft("helpline_contact", contact_id, {"offered": "Stödsamtal"})])
    with services.db.write() as s:
        gone = s.get(HelplineContact, contact_id)
        assert gone is not None
        gone.deleted = True
    new, edited = sorted(services.drafts.take(), key=lambda d: d.record_id is not None)
    assert (new.kind, new.record_id, new.fields, new.record_gone) == (
        "helpline_contact", None, fields, False)
    assert edited.record_id == contact_id and edited.record_gone


def test_a_referral_window_draft_is_kept_and_flagged_when_the_referral_is_deleted(
        services: Services) -> None:
    person = services.people.create({"first_name": "Åke", "last_name": "Ek"}).id
    referral = services.referrals.create(person, "work").id
    fields = {"feedback": "Börjar på måndag", "due_on": "2026-03-09"}
    services.drafts.stash([Draft("referral", referral, fields)])
    (kept,) = services.drafts.take()
    assert (kept.kind, kept.record_id, kept.fields, kept.record_gone) == (
        "referral", referral, fields, False)
    services.drafts.stash([kept])
    services.referrals.delete(referral)  # proposed by mistake
    (gone,) = services.drafts.take()
    assert gone.record_gone


def test_discard_all_forgets_without_reading(services: Services) -> None:
    services.drafts.stash([Draft("person", None, {"first_name": "Åke"})])
    assert services.drafts.discard_all() == 1
    assert services.drafts.take() == [] and _stored(services) == []


def test_the_log_names_counts_and_kinds_never_values(services: Services) -> None:
    services.drafts.stash([Draft("person", None, dict(TEXTS)),
                           Draft("person", None, {"first_name": "Ödön"})])
    services.drafts.take()
    events = [e for e in audit.list_events(services.db, limit=10_000)
              if e.entity_type == "draft"]
    assert sorted(e.action for e in events) == ["create", "read"]
    for event in events:
        assert event.detail == {"count": 2, "kinds": ["person"]}
        text = json.dumps([event.detail, event.purpose], ensure_ascii=False)
        assert not any(v in text for v in ("Åsa", "Öberg", "Ödön", "rad ett"))
    assert audit.verify(services.db).ok
