"""A personnummer set aside by an import: the review list shows it masked; choosing it is
refused while another person (live or deleted) holds the number, naming that person and
changing nothing; once the number is free it is written; keeping just closes the item."""

from __future__ import annotations

import pytest

from app.errors import MottryckError
from app.models import MergeReview
from app.services import audit
from app.services.db import utcnow
from app.services.session import Services
from tests.security.bundle_vaults import dump

PNR_A = "198001010191"
PNR_B = "198502020293"
PARTNER = "7a7a7a7a-0000-4000-8000-000000000000"


def _set_aside(services: Services, number: str = PNR_A) -> tuple[str, str]:
    """Anna Ek holds ``number`` here; the partner's Bo Lind arrived with the same number, which
    the import set aside. Returns (Bo's id, Anna's id)."""
    anna = services.people.create({"first_name": "Anna", "last_name": "Ek",
                                   "personnummer": number})
    bo = services.people.create({"first_name": "Bo", "last_name": "Lind"})
    with services.db.write() as s:
        s.add(MergeReview(entity_type="person", record_id=bo.id, field="personnummer",
                          kept_value=None, other_value=number, other_unit=PARTNER,
                          other_clock=f"1790000000000-000000/{PARTNER}", bundle_id=None,
                          created_at=utcnow()))
    return bo.id, anna.id


def test_the_list_shows_the_numbers_masked(services: Services) -> None:
    bo_id, _anna = _set_aside(services)
    mine = services.people.create({"first_name": "Cia", "last_name": "Berg",
                                   "personnummer": PNR_B})
    with services.db.write() as s:
        s.add(MergeReview(entity_type="person", record_id=mine.id, field="personnummer",
                          kept_value=PNR_B, other_value=PNR_A, other_unit=PARTNER,
                          other_clock=f"1790000000001-000000/{PARTNER}", bundle_id=None,
                          created_at=utcnow()))
    first, second = services.reviews.open_items()
    assert (first.record_id, first.kept_value, first.other_value) == (
        bo_id, None, "19800101-****")
    assert (second.kept_value, second.other_value) == ("19850202-****", "19800101-****")
    assert first.record_label == "Bo Lind"


def test_choosing_a_number_another_person_holds_is_refused(services: Services) -> None:
    bo_id, anna_id = _set_aside(services)
    [item] = services.reviews.open_items()
    state = dump(services)
    with pytest.raises(MottryckError,
                       match="Personnumret finns redan hos Anna Ek; slå ihop eller ändra först"):
        services.reviews.resolve(item.id, "other")
    after = dump(services)
    # Only the audit log moved: naming Anna was a read of her record.
    assert {k: v for k, v in after.items() if not k.startswith("audit")
            and k != "vault_meta"} == {k: v for k, v in state.items()
                                       if not k.startswith("audit") and k != "vault_meta"}
    event = audit.list_events(services.db, limit=1)[0]
    assert (event.action, event.entity_type, event.entity_id) == ("read", "person", anna_id)
    assert services.reviews.count_open() == 1
    assert services.people.get(bo_id).personnummer_masked == ""


def test_a_deleted_holder_refuses_too(services: Services) -> None:
    _bo, anna_id = _set_aside(services)
    services.people.delete(anna_id)
    [item] = services.reviews.open_items()
    with pytest.raises(MottryckError, match="Anna Ek, som är borttagen"):
        services.reviews.resolve(item.id, "other")
    assert services.reviews.count_open() == 1
    services.reviews.resolve(item.id, "kept")
    assert services.reviews.count_open() == 0


def test_once_the_number_is_free_it_is_written(services: Services) -> None:
    bo_id, anna_id = _set_aside(services)
    services.people.update(anna_id, {"personnummer": PNR_B})
    [item] = services.reviews.open_items()
    done = services.reviews.resolve(item.id, "other")
    assert done.written and services.reviews.count_open() == 0
    assert services.people.reveal_personnummer(bo_id, "kontroll") == "19800101-0191"


def test_keeping_closes_the_item_and_writes_nothing(services: Services) -> None:
    bo_id, _anna = _set_aside(services)
    [item] = services.reviews.open_items()
    done = services.reviews.resolve(item.id, "kept")
    assert not done.written and services.reviews.count_open() == 0
    assert services.people.get(bo_id).personnummer_masked == ""
