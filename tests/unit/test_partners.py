"""Partners: pinned keys, who may receive and send, profiles, audit and refusals."""

from __future__ import annotations

import uuid

import pytest

from app.errors import NotFound, ValidationError
from app.exchange.profiles import default_profile
from app.models.enums import PartnerKind
from app.services import audit
from app.services.session import Services
from tests.unit.test_unit_keys import new_recipient, new_signing_key


def add(services: Services, name: str = "Polisen Syd", kind: str = "police",
        **extra: object) -> object:
    return services.partners.add({"name": name, "kind": kind,
                                  "age_recipient": new_recipient(), **extra})


def partner_events(services: Services) -> list[tuple[str, str | None]]:
    events = audit.list_events(services.db, limit=1000)
    return [(e.action, (e.detail or {}).get("fields")) for e in reversed(events)
            if e.entity_type == "partner"]


def test_add_without_signing_key_can_receive_but_never_send(services: Services) -> None:
    partner = services.partners.add({"name": " Polisen Syd ", "kind": "police",
                                     "age_recipient": new_recipient()})
    assert partner.name == "Polisen Syd" and partner.kind is PartnerKind.POLICE
    assert partner.can_receive and not partner.can_send_to_us
    assert partner.fingerprint is None
    assert partner.profile == default_profile(PartnerKind.POLICE)
    assert services.partners.get(partner.id) == partner
    assert [p.id for p in services.partners.list()] == [partner.id]


def test_a_pinned_key_and_unit_id_let_a_partner_send(services: Services) -> None:
    unit = str(uuid.uuid4())
    partner = add(services, signing_key=new_signing_key(), unit_id=unit.upper())
    assert partner.unit_id == unit
    assert partner.can_send_to_us and partner.fingerprint is not None
    assert services.partners.by_unit(unit) == partner
    assert services.partners.by_unit(str(uuid.uuid4())) is None
    replaced = services.partners.set_signing_key(partner.id, new_signing_key())
    assert replaced.fingerprint != partner.fingerprint
    forgotten = services.partners.set_signing_key(partner.id, None)
    assert not forgotten.can_send_to_us


def test_revoked_partner_can_neither_receive_nor_send(services: Services) -> None:
    partner = add(services, signing_key=new_signing_key(), unit_id=str(uuid.uuid4()))
    revoked = services.partners.revoke(partner.id, purpose="nyckeln borttappad")
    assert revoked.revoked and not revoked.can_receive and not revoked.can_send_to_us
    assert services.partners.list(include_revoked=False) == []
    assert services.partners.by_unit(partner.unit_id or "") == revoked  # named as revoked


def test_delete_is_soft_and_frees_the_name(services: Services) -> None:
    partner = add(services)
    services.partners.delete(partner.id)
    assert services.partners.list() == []
    with pytest.raises(NotFound):
        services.partners.get(partner.id)
    assert add(services).name == "Polisen Syd"


def test_find_by_name_ignoring_case_or_by_id(services: Services) -> None:
    partner = add(services, name="Frivården Öst", kind="frivard")
    assert services.partners.find("frivården öst") == partner
    assert services.partners.find(partner.id) == partner
    with pytest.raises(NotFound, match="Ingen partner heter Okänd"):
        services.partners.find("Okänd")


def test_every_write_is_audited_without_values(services: Services) -> None:
    partner = add(services)
    services.partners.update(partner.id, {"notes": "Kontakt via växeln"})
    services.partners.set_signing_key(partner.id, new_signing_key())
    services.partners.revoke(partner.id)
    services.partners.delete(partner.id)
    assert partner_events(services) == [
        ("create", None), ("update", ["notes"]), ("update", ["signing_key"]),
        ("update", ["revoked"]), ("delete", None)]


@pytest.mark.parametrize("values, field", [
    ({"name": "", "kind": "police"}, "name"),
    ({"name": "X", "kind": "militären"}, "kind"),
    ({"name": "X", "kind": "police", "age_recipient": ""}, "age_recipient"),
    ({"name": "X", "kind": "police", "age_recipient": "age1fel"}, "age_recipient"),
    ({"name": "X", "kind": "police", "signing_key": "kort"}, "signing_key"),
    ({"name": "X", "kind": "police", "unit_id": "enhet 7"}, "unit_id"),
    ({"name": "X", "kind": "police", "colour": "blå"}, "colour"),
])
def test_bad_input_is_refused_and_nothing_is_written(services: Services,
                                                     values: dict[str, str],
                                                     field: str) -> None:
    values = {"age_recipient": new_recipient(), **values}
    with pytest.raises(ValidationError) as caught:
        services.partners.add(values)
    assert field in [e.field for e in caught.value.errors]
    assert services.partners.list() == []


def test_names_keys_and_unit_ids_are_unique_and_never_our_own(services: Services) -> None:
    ours = services.unit.keys()
    key, unit = new_signing_key(), str(uuid.uuid4())
    first = add(services, signing_key=key, unit_id=unit)
    with pytest.raises(ValidationError, match="en annan partner heter så"):
        add(services, name="POLISEN SYD")
    with pytest.raises(ValidationError, match="används redan av partnern Polisen Syd"):
        add(services, name="B", signing_key=key)
    with pytest.raises(ValidationError, match="används redan"):
        add(services, name="C", unit_id=unit)
    with pytest.raises(ValidationError, match="egen") as caught:
        services.partners.add({"name": "D", "kind": "team", "age_recipient": ours.age_recipient,
                               "signing_key": ours.signing_public_key,
                               "unit_id": ours.unit_id})
    assert {e.field for e in caught.value.errors} == {"age_recipient", "signing_key", "unit_id"}
    assert services.partners.list() == [first]
    # Once revoked, its keys may be pinned again under a new entry.
    services.partners.revoke(first.id)
    assert add(services, name="Polisen Syd (ny)", signing_key=key, unit_id=unit).can_send_to_us


def test_profile_is_edited_per_partner_and_reset(services: Services) -> None:
    partner = add(services)
    edited = services.partners.update(partner.id, {"profile": {
        "person": ["first_name", "last_name"], "group": ["name"]}})
    assert edited.profile.record_types == ("person", "group")
    assert services.partners.get(partner.id).profile == edited.profile
    reset = services.partners.reset_profile(partner.id)
    assert reset.profile == default_profile(PartnerKind.POLICE)


def test_civil_partner_cannot_be_given_banned_data(services: Services) -> None:
    civil = add(services, name="Fryshuset", kind="civil")
    with pytest.raises(ValidationError, match="civilsamhället"):
        services.partners.update(civil.id, {"profile": {
            "person": ["first_name", "last_name", "personnummer"]}})
    with pytest.raises(ValidationError, match="civilsamhället"):
        add(services, name="Röda korset", kind="civil",
            profile=default_profile(PartnerKind.TEAM).to_json()["records"])
    assert services.partners.get(civil.id).profile == default_profile(PartnerKind.CIVIL)


def test_unit_id_survives_profile_edits(services: Services) -> None:
    unit = str(uuid.uuid4())
    partner = add(services, unit_id=unit)
    edited = services.partners.update(partner.id, {"profile": {"group": ["name"]}})
    assert edited.unit_id == unit
    moved = services.partners.update(partner.id, {"unit_id": None})
    assert moved.unit_id is None and moved.profile == edited.profile


def test_an_edit_of_several_fields_is_one_save_or_none(services: Services) -> None:
    taken = new_signing_key()
    add(services, "Frivården Syd", "frivard", signing_key=taken)
    partner = add(services)
    before = partner_events(services)
    with pytest.raises(ValidationError) as caught:
        services.partners.update(partner.id, {"name": "Polisen Nord",
                                              "age_recipient": new_recipient(),
                                              "signing_key": taken})
    assert [e.field for e in caught.value.errors] == ["signing_key"]
    assert services.partners.get(partner.id) == partner  # the new name was not kept either
    assert partner_events(services) == before

    fresh, key = new_recipient(), new_signing_key()
    after = services.partners.update(partner.id, {"name": "Polisen Nord",
                                                  "age_recipient": fresh, "signing_key": key})
    assert (after.name, after.age_recipient) == ("Polisen Nord", fresh)
    assert after.signing_public_key is not None
    assert len(partner_events(services)) == len(before) + 1
