"""Minimisation profiles: every kind's default, completeness, and the civil-society ban."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.exchange.profile_words import FIELD_LABELS, RECORD_LABELS
from app.exchange.profiles import (
    CIVIL_BANNED_FIELDS,
    CIVIL_BANNED_TYPES,
    FIELDS,
    RECORD_TYPES,
    REFERENCES,
    REQUIRED,
    Profile,
    clean_profile,
    default_profile,
    describe,
)
from app.models.enums import PartnerKind

HELP_TO_LEAVE = {"consent", "referral", "helpline_contact"}
INCIDENT_TYPES = {"incident", "incident_group", "incident_person"}


def assert_civil_safe(profile: Profile) -> None:
    assert not set(profile.record_types) & CIVIL_BANNED_TYPES
    for record_type, fields in CIVIL_BANNED_FIELDS.items():
        assert not set(profile.fields(record_type)) & fields
    assert not profile.allows("person", "personnummer")
    assert not profile.allows("notification", "legal_assessment")


def assert_complete(profile: Profile) -> None:
    """Every record can be applied at the receiver: required fields and their targets go."""
    for record_type, fields in profile.records:
        assert REQUIRED[record_type] <= set(fields), record_type
        for field in fields:
            target = REFERENCES[record_type].get(field)
            assert target is None or profile.allows(target), (record_type, field)


def test_record_types_are_the_mergeable_tables_parents_first() -> None:
    assert "partner" not in RECORD_TYPES  # whom we trust never travels
    assert {"person", "membership", "notification", "referral", "helpline_contact",
            "enforcement_action", "letter"} <= set(RECORD_TYPES)
    for record_type in RECORD_TYPES:
        for target in REFERENCES[record_type].values():
            assert RECORD_TYPES.index(target) < RECORD_TYPES.index(record_type)
    assert "sort_name" not in FIELDS["person"] and "hlc" not in FIELDS["person"]


def test_every_type_and_field_has_a_swedish_label() -> None:
    for record_type in RECORD_TYPES:
        assert record_type in RECORD_LABELS
        assert set(FIELDS[record_type]) <= set(FIELD_LABELS[record_type]), record_type


def test_team_gets_everything() -> None:
    team = default_profile(PartnerKind.TEAM)
    assert team.records == tuple((t, FIELDS[t]) for t in RECORD_TYPES)


def test_police_gets_the_incident_review_but_not_help_to_leave() -> None:
    police = default_profile("police")
    assert set(police.record_types) >= INCIDENT_TYPES
    assert police.allows("person", "personnummer")
    assert police.allows("notification", "legal_assessment")
    assert not set(police.record_types) & HELP_TO_LEAVE
    assert_complete(police)


def test_frivard_gets_its_clients_and_help_but_no_incidents() -> None:
    frivard = default_profile(PartnerKind.FRIVARD)
    assert frivard.allows("person", "frivard_status")
    assert frivard.allows("membership") and frivard.allows("referral")
    assert not set(frivard.record_types) & INCIDENT_TYPES
    assert not frivard.allows("notification", "trigger_incident_id")
    assert not frivard.allows("helpline_contact")
    assert_complete(frivard)


def test_social_services_get_support_data_without_incidents_or_frivard() -> None:
    social = default_profile(PartnerKind.SOCIAL)
    assert social.allows("referral") and social.allows("consent")
    assert social.allows("membership", "group_id")
    assert not social.allows("membership", "source")
    assert not social.allows("person", "frivard_status")
    assert not social.allows("notification", "legal_assessment")
    assert not set(social.record_types) & INCIDENT_TYPES
    assert_complete(social)


def test_civil_default_holds_no_crime_data() -> None:
    civil = default_profile(PartnerKind.CIVIL)
    assert_civil_safe(civil)
    assert_complete(civil)
    assert civil.allows("person", "first_name") and civil.allows("referral")
    assert not civil.allows("membership") and not civil.allows("notification")


@pytest.mark.parametrize("kind", list(PartnerKind))
def test_every_default_is_complete_and_survives_storage(kind: PartnerKind) -> None:
    profile = default_profile(kind)
    assert_complete(profile)
    assert Profile.from_json(kind, profile.to_json()) == profile


@pytest.mark.parametrize("records, where", [
    ({"person": ["first_name", "last_name", "personnummer"]}, "person.personnummer"),
    ({"person": ["first_name", "last_name", "frivard_status"]}, "person.frivard_status"),
    ({"person": ["first_name", "last_name"],
      "incident_person": ["incident_id", "person_id", "role"]}, "incident_person"),
    ({"incident": ["occurred_at", "type"]}, "incident"),
    ({"notification": ["kind", "legal_assessment"]}, "notification.legal_assessment"),
    ({"person": ["first_name", "last_name"], "group": ["name"],
      "membership": ["person_id", "group_id"]}, "membership"),
])
def test_civil_ban_cannot_be_edited_away(records: dict[str, list[str]], where: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_profile(PartnerKind.CIVIL, records)
    assert where in [e.field for e in caught.value.errors]
    assert "civilsamhället" in str(caught.value)


def test_the_same_edit_is_fine_for_police() -> None:
    profile = clean_profile(PartnerKind.POLICE, {"person": ["first_name", "last_name",
                                                            "personnummer"]})
    assert profile.fields("person") == ("first_name", "last_name", "personnummer")


def test_a_stored_civil_profile_is_cleaned_when_loaded() -> None:
    """A profile written by an older version, or edited in the file, still cannot leak."""
    stored = default_profile(PartnerKind.TEAM).to_json()
    civil = Profile.from_json(PartnerKind.CIVIL, stored)
    assert_civil_safe(civil)
    assert_complete(civil)
    assert civil.allows("person", "first_name")
    # Notifications survive without the banned fields; what pointed at incidents is gone.
    assert civil.allows("notification", "help_offered")
    assert not civil.allows("notification", "trigger_incident_id")


def test_loading_drops_unknown_types_and_fields_and_orphans() -> None:
    stored = {"records": {"person": ["first_name", "last_name", "shoe_size"],
                          "spaceship": ["x"], "consent": ["person_id", "purpose"],
                          "referral": ["person_id"]}}
    profile = Profile.from_json(PartnerKind.POLICE, stored)
    assert profile.fields("person") == ("first_name", "last_name")
    assert profile.allows("consent")
    assert not profile.allows("referral")  # its required service type is missing
    assert Profile.from_json(PartnerKind.SOCIAL, None) == default_profile(PartnerKind.SOCIAL)
    assert Profile.from_json(PartnerKind.SOCIAL, {"records": "x"}) == default_profile("social")


def test_edits_that_cannot_be_applied_are_refused_with_reasons() -> None:
    with pytest.raises(ValidationError) as caught:
        clean_profile(PartnerKind.POLICE, {
            "person": ["first_name"],  # last name is required
            "membership": ["person_id", "group_id"],  # groups do not go
            "spaceship": [],
        })
    fields = {e.field for e in caught.value.errors}
    assert {"person", "membership.group_id", "spaceship"} <= fields
    text = str(caught.value)
    assert "efternamn" in text and "okänd posttyp" in text


def test_an_optional_reference_to_a_type_left_out_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        clean_profile(PartnerKind.SOCIAL, {"notification": ["kind", "callin_id"]})
    assert [e.field for e in caught.value.errors] == ["notification.callin_id"]


def test_describe_says_what_leaves_in_swedish() -> None:
    lines = describe(default_profile(PartnerKind.CIVIL))
    assert lines[0].startswith("Personer: förnamn, efternamn")
    assert not any("personnummer" in line for line in lines[:-1])
    assert any(line.startswith("Lämnas inte ut:") and "händelser" in line for line in lines)
    assert "personnummer" in lines[-1] and "civilsamhället" in lines[-1]
    team = describe(default_profile(PartnerKind.TEAM))
    assert len(team) == len(RECORD_TYPES)
    assert describe(clean_profile(PartnerKind.POLICE, {}))[0] == "Ingenting lämnas ut."
