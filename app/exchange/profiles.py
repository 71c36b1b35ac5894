"""Minimisation profiles: which record types, and which of their fields, may go to a partner.

A profile is a map record type (table name) → the fields that may leave. The columns every
mergeable row carries for merging (id, clocks, origin unit, tombstone, timestamps) always
travel with a record and are not named; derived columns (sort keys) never travel, the
receiver computes them. The kind of partner sets the default (``default_profile``); staff may
edit it per partner, and the result is stored as JSON in ``Partner.profile``.

Two rules hold whatever is stored or edited:
- a profile is complete enough to apply: a record type goes with its required fields and
  the record types its required references point to, and an optional reference to a type
  that does not go is not sent (the receiver would hold a dangling id);
- civil society never receives data on crimes or suspicions (GDPR art. 10, DOMAIN.md):
  no incidents or anything tying a person or group to one, no group involvement, no legal
  assessments, no frivård (which reveals a sentence), no personnummer. ``CIVIL_BANNED_TYPES``
  and ``CIVIL_BANNED_FIELDS`` are removed when a profile is loaded and refused when edited.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.errors import FieldError, ValidationError
from app.exchange.profile_words import RECORD_LABELS, field_label
from app.i18n import _
from app.models import Base, SyncMixin
from app.models.enums import PartnerKind

PROFILE_VERSION = 1
# Travel with every record, whatever the profile: merging needs them.
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "hlc", "origin_unit", "deleted",
                         "field_clocks"})
DERIVED = frozenset({"sort_name"})
# Tables that never travel: partners hold the keys we trust, and a bundle must not be able
# to change whom we trust.
LOCAL_ONLY = frozenset({"partner"})


def _record_tables() -> dict[str, Any]:
    tables = {}
    for mapper in Base.registry.mappers:
        table = mapper.class_.__table__
        if issubclass(mapper.class_, SyncMixin) and table.name not in LOCAL_ONLY:
            tables[table.name] = table
    # Parents before children (the order of RECORD_LABELS), so a receiver can apply in order.
    order = {name: i for i, name in enumerate(RECORD_LABELS)}
    return dict(sorted(tables.items(), key=lambda item: (order.get(item[0], len(order)),
                                                         item[0])))


_TABLES = _record_tables()
# Every record type that may travel, each after the types it refers to.
RECORD_TYPES: tuple[str, ...] = tuple(_TABLES)
FIELDS: dict[str, tuple[str, ...]] = {
    name: tuple(c.name for c in t.columns if c.name not in BOOKKEEPING | DERIVED)
    for name, t in _TABLES.items()
}
# Fields a record cannot be applied without (NOT NULL and no default).
REQUIRED: dict[str, frozenset[str]] = {
    name: frozenset(c.name for c in t.columns
                    if c.name in FIELDS[name] and not c.nullable
                    and c.default is None and c.server_default is None)
    for name, t in _TABLES.items()
}
# Field → the record type it refers to.
REFERENCES: dict[str, dict[str, str]] = {
    name: {c.name: fk.column.table.name for c in t.columns for fk in c.foreign_keys}
    for name, t in _TABLES.items()
}

CIVIL_BANNED_TYPES = frozenset({
    "incident", "incident_group", "incident_person", "enforcement_incident",
    # Group involvement: who belongs to which group, and which groups fight or ally.
    "membership", "group_relation",
    # Sanctions are aimed at a group for its violence: crime data about its members.
    "enforcement_action",
})
CIVIL_BANNED_FIELDS: dict[str, frozenset[str]] = {
    "person": frozenset({"personnummer", "id_kind", "frivard_status", "frivard_from",
                         "frivard_to", "frivard_office", "responsible_officer"}),
    "notification": frozenset({"legal_assessment", "trigger", "trigger_incident_id"}),
    # Why someone is invited is their group involvement.
    "callin_invitee": frozenset({"reason"}),
}


def banned(kind: PartnerKind, record_type: str, field: str | None = None) -> bool:
    """Whether the law keeps this record type (or field) from this kind of partner."""
    if kind is not PartnerKind.CIVIL:
        return False
    if record_type in CIVIL_BANNED_TYPES:
        return True
    return field is not None and field in CIVIL_BANNED_FIELDS.get(record_type, frozenset())


@dataclass(frozen=True)
class Profile:
    """What may go to one partner: record type → allowed fields (both in a stable order)."""

    kind: PartnerKind
    records: tuple[tuple[str, tuple[str, ...]], ...]

    def fields(self, record_type: str) -> tuple[str, ...]:
        """The allowed fields of a record type; empty if the type does not go at all."""
        return dict(self.records).get(record_type, ())

    def allows(self, record_type: str, field: str | None = None) -> bool:
        allowed = dict(self.records).get(record_type)
        return allowed is not None and (field is None or field in allowed)

    @property
    def record_types(self) -> tuple[str, ...]:
        return tuple(t for t, _f in self.records)

    def to_json(self) -> dict[str, Any]:
        return {"version": PROFILE_VERSION,
                "records": {t: list(fields) for t, fields in self.records}}

    @classmethod
    def from_json(cls, kind: PartnerKind, data: Mapping[str, Any] | None) -> Profile:
        """The stored profile, made safe: unknown types and fields (an older or newer schema)
        are dropped, the civil ban is applied, and references are made consistent. A
        missing profile is the kind's default."""
        records = (data or {}).get("records")
        if not isinstance(records, Mapping):
            return default_profile(kind)
        wanted = {t: [f for f in fs if isinstance(f, str)] for t, fs in records.items()
                  if isinstance(t, str) and isinstance(fs, list | tuple)}
        return _build(kind, wanted, strict=False)


def clean_profile(kind: PartnerKind, records: Mapping[str, Iterable[str]]) -> Profile:
    """A profile as edited by staff; anything unknown, banned or incomplete is refused
    (``ValidationError`` naming each problem in Swedish) rather than quietly changed."""
    return _build(kind, {t: list(fs) for t, fs in records.items()}, strict=True)


def _build(kind: PartnerKind, wanted: Mapping[str, list[str]], *, strict: bool) -> Profile:
    errors: list[FieldError] = []

    def refuse(record_type: str, field: str | None, reason: str) -> None:
        if strict:
            where = record_type if field is None else f"{record_type}.{field}"
            label = _label(record_type, field)
            errors.append(FieldError(where, reason, label))

    chosen: dict[str, set[str]] = {}
    for record_type, fields in wanted.items():
        if record_type not in FIELDS:
            refuse(record_type, None, _("okänd posttyp"))
            continue
        if banned(kind, record_type):
            refuse(record_type, None, _("lämnas aldrig ut till civilsamhället"))
            continue
        keep = set()
        for field in fields:
            if field not in FIELDS[record_type]:
                refuse(record_type, field, _("okänt fält"))
            elif banned(kind, record_type, field):
                refuse(record_type, field, _("lämnas aldrig ut till civilsamhället"))
            else:
                keep.add(field)
        chosen[record_type] = keep
    # Dropping a record type can orphan others: repeat until nothing changes.
    changed = True
    while changed:
        changed = False
        for record_type, keep in list(chosen.items()):
            missing = REQUIRED[record_type] - keep
            refs = REFERENCES[record_type]
            orphaned = {f for f in REQUIRED[record_type]
                        if f in refs and refs[f] not in chosen}
            if missing or orphaned:
                if missing:
                    refuse(record_type, None, _("saknar obligatoriska fält: {fields}").format(
                        fields=", ".join(field_label(record_type, f) for f in sorted(missing))))
                for f in sorted(orphaned):
                    refuse(record_type, f, _("hänvisar till {target}, som inte lämnas ut")
                           .format(target=RECORD_LABELS[refs[f]].lower()))
                del chosen[record_type]
                changed = True
                continue
            dangling = {f for f in keep if f in refs and refs[f] not in chosen}
            for f in sorted(dangling):
                refuse(record_type, f, _("hänvisar till {target}, som inte lämnas ut")
                       .format(target=RECORD_LABELS[refs[f]].lower()))
            keep -= dangling
    if errors:
        raise ValidationError(errors)
    return Profile(kind, tuple(
        (t, tuple(f for f in FIELDS[t] if f in chosen[t])) for t in RECORD_TYPES if t in chosen))


def _label(record_type: str, field: str | None) -> str:
    kind = RECORD_LABELS.get(record_type, record_type)
    return kind if field is None else f"{kind}: {field_label(record_type, field)}"


def _all(record_type: str, *, without: Iterable[str] = ()) -> tuple[str, tuple[str, ...]]:
    skip = set(without)
    return record_type, tuple(f for f in FIELDS[record_type] if f not in skip)


def _only(record_type: str, *fields: str) -> tuple[str, tuple[str, ...]]:
    return record_type, fields


def _defaults() -> dict[PartnerKind, list[tuple[str, tuple[str, ...]]]]:
    return {
        # A colleague's laptop in the same working group: the same register, in full.
        PartnerKind.TEAM: [_all(t) for t in RECORD_TYPES],
        # Police run the incident review and the follow-through with us (OSL 10:2, 10:15 a).
        # Help-to-leave data stays out: people ask for help in trust, and a referral or a
        # help-line call in a police register would deter the next one. Letters and templates
        # are our own paperwork.
        PartnerKind.POLICE: [_all(t) for t in (
            "person", "group", "membership", "group_relation", "incident", "incident_group",
            "incident_person", "callin", "callin_group", "callin_speaker", "callin_invitee",
            "notification", "notification_person", "enforcement_action",
            "enforcement_incident")],
        # Frivården invites its clients to call-ins, delivers notifications with us, enforces
        # probation conditions as a lever and takes part in help to leave. It learns of
        # crimes through its own channels: no incident review, and no help-line contacts.
        PartnerKind.FRIVARD: [
            _all("person"), _all("group"), _all("membership"), _all("callin"),
            _all("callin_group"), _all("callin_speaker"), _all("callin_invitee"),
            _all("notification", without=("trigger_incident_id",)),
            _all("notification_person"),
            _all("enforcement_action"), _all("service_provider"), _all("consent"),
            _all("referral"), _all("referral_event"),
        ],
        # Socialtjänsten supports young people and families and runs much of the help to
        # leave. It needs to know who is connected to which group to offer support, but not
        # the incident review, how sure we are of a membership or its source, legal
        # assessments, or Kriminalvården's frivård data.
        PartnerKind.SOCIAL: [
            _all("person", without=("frivard_status", "frivard_from", "frivard_to",
                                    "frivard_office", "responsible_officer", "notes")),
            _only("group", "name", "aliases", "area", "status"),
            _only("membership", "person_id", "group_id", "role", "valid_from", "valid_to"),
            _all("callin", without=("security_plan",)), _all("callin_speaker"),
            _all("callin_invitee"),
            _all("notification", without=("legal_assessment", "trigger_incident_id")),
            _all("notification_person"), _all("service_provider"), _all("consent"),
            _all("referral"), _all("referral_event"),
        ],
        # Civil society helps people leave: who they are and how to reach them, the help
        # offered and consented to, and the call-ins they speak at. Nothing about crimes.
        PartnerKind.CIVIL: [
            _only("person", "first_name", "last_name", "aliases", "birth_date", "phone",
                  "email", "address", "postal_code", "city"),
            _only("callin", "title", "starts_at", "venue", "practical_notes", "status"),
            _all("callin_speaker"), _all("service_provider"), _all("consent"),
            _all("referral", without=("responsible_officer",)),
            # The steps, but not who took them here or why one went ahead without consent.
            _all("referral_event", without=("by_user", "override_reason")),
            _all("helpline_contact", without=("handled_by",)),
        ],
    }


def default_profile(kind: PartnerKind | str) -> Profile:
    kind = PartnerKind(kind)
    return clean_profile(kind, dict(_defaults()[kind]))


def describe(profile: Profile) -> list[str]:
    """Swedish lines saying what will leave, one per record type with its fields, and for
    civil society what never does; shown before an export and on the partner page."""
    lines = [
        f"{RECORD_LABELS[t]}: {', '.join(field_label(t, f) for f in fields)}"
        for t, fields in profile.records
    ]
    if not lines:
        lines.append(_("Ingenting lämnas ut."))
    left_out = [RECORD_LABELS[t] for t in RECORD_TYPES if not profile.allows(t)]
    if left_out:
        lines.append(_("Lämnas inte ut: {types}").format(
            types=", ".join(s.lower() for s in left_out)))
    if profile.kind is PartnerKind.CIVIL:
        lines.append(_("Lämnas aldrig ut till civilsamhället: händelser, gruppinblandning, "
                       "juridiska bedömningar, frivårdsuppgifter och personnummer."))
    return lines
