"""Reading the audit log for the log screen: filters, counts and pages agree."""

from __future__ import annotations

from datetime import date, timedelta

from app.services import audit_log
from app.services.audit import Action
from app.services.audit_log import AuditFilter
from app.services.session import Services
from tests.conftest import USER


def test_pages_are_newest_first_and_match_the_count(services: Services) -> None:
    for i in range(5):
        services.people.create({"first_name": f"P{i}", "last_name": "Logg"})
    total = audit_log.count(services.db)
    first = audit_log.page(services.db, limit=3)
    rest = audit_log.page(services.db, limit=100, offset=3)
    seqs = [e.seq for e in first + rest]
    assert len(seqs) == total
    assert seqs == sorted(seqs, reverse=True)
    assert seqs[0] == total  # the chain numbers events from 1


def test_filters_by_action_user_record_and_period(services: Services) -> None:
    person = services.people.create({"first_name": "Åsa", "last_name": "Ek"})
    services.people.update(person.id, {"phone": "070-1234567"})
    services.people.create({"first_name": "Bo", "last_name": "Ek"})
    db = services.db

    created = AuditFilter(action=Action.CREATE)
    assert {e.entity_type for e in audit_log.page(db, created)} >= {"person"}
    assert audit_log.count(db, AuditFilter(action=Action.UPDATE)) == 1

    about = audit_log.page(db, AuditFilter(entity_id=person.id[:8]))
    assert [e.action for e in about] == [Action.UPDATE, Action.CREATE]
    # A wildcard typed into the record field is a character, not "anything".
    assert audit_log.count(db, AuditFilter(entity_id="%")) == 0

    assert audit_log.users(db) == [USER]
    assert audit_log.count(db, AuditFilter(user="någon annan")) == 0

    today = date.today()
    everything = audit_log.count(db)
    assert audit_log.count(db, AuditFilter(since=today, until=today)) == everything
    assert audit_log.count(db, AuditFilter(until=today - timedelta(days=1))) == 0
    assert audit_log.count(db, AuditFilter(since=today + timedelta(days=1))) == 0
