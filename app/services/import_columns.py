"""Column names of the people import and how spreadsheet cells become field values.

Headers match case-, space-, hyphen- and underscore-insensitively, so "E-post", "epost",
"first_name" and "First Name" all work. Swedish names come first; English ones are accepted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from app.errors import ImportRejected
from app.i18n import _
from app.models.enums import FrivardStatus

# Field → accepted header names (the first is what the documentation and messages use).
# Membership columns are not person fields: they name an existing group for the row.
COLUMNS: dict[str, tuple[str, ...]] = {
    "first_name": ("förnamn", "first_name"),
    "last_name": ("efternamn", "last_name"),
    "personnummer": ("personnummer", "samordningsnummer", "personal_number"),
    "aliases": ("alias", "aliases"),
    "birth_date": ("födelsedatum", "birth_date"),
    "phone": ("telefon", "phone"),
    "email": ("e-post", "email"),
    "address": ("adress", "address"),
    "postal_code": ("postnummer", "postal_code"),
    "city": ("ort", "city"),
    "frivard_status": ("frivårdsstatus", "frivard_status"),
    "frivard_from": ("frivård_från", "frivard_from"),
    "frivard_to": ("frivård_till", "frivard_to"),
    "frivard_office": ("frivårdskontor", "frivard_office"),
    "responsible_officer": ("handläggare", "ansvarig_handläggare", "responsible_officer"),
    "notes": ("anteckningar", "notes"),
    "group": ("grupp", "group"),
    "role": ("roll", "role"),
    "member_from": ("medlem_från", "member_from"),
}
REQUIRED = ("first_name", "last_name")
MEMBERSHIP_COLUMNS = frozenset({"group", "role", "member_from"})
DATE_FIELDS = frozenset({"birth_date", "frivard_from", "frivard_to", "member_from"})

# Probation status as staff write it in a sheet; the stored codes are accepted too.
FRIVARD_LABELS: dict[str, FrivardStatus] = {
    "ingen": FrivardStatus.NONE,
    "villkorligt frigiven": FrivardStatus.PAROLE,
    "skyddstillsyn": FrivardStatus.PROBATION,
    "ungdomsövervakning": FrivardStatus.YOUTH_SUPERVISION,
    "intensivövervakning": FrivardStatus.INTENSIVE_SUPERVISION,
    "annan": FrivardStatus.OTHER,
    **{status.value: status for status in FrivardStatus},
}


def _key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if not ch.isspace() and ch not in "-_")


_BY_KEY = {_key(name): field for field, names in COLUMNS.items() for name in names}


@dataclass(frozen=True)
class ColumnMap:
    """Where each known field sits in a row (0-based cell index)."""

    index: dict[str, int]
    width: int  # cells covered by named columns; data beyond it is an error

    @property
    def has_groups(self) -> bool:
        return "group" in self.index


def map_header(cells: Sequence[Any]) -> ColumnMap:
    """Match the header row to fields; refuse unknown, duplicate, unnamed or missing columns."""
    names = [cell_text(c) for c in cells]
    while names and not names[-1]:
        names.pop()  # spreadsheets often carry empty cells after the last column
    if len(names) <= 1 and (not names or _key(names[0]) not in _BY_KEY):
        raise ImportRejected(_(
            "Hittar inga kolumner på rubrikraden. Första raden ska ha kolumnrubriker "
            "(t.ex. förnamn;efternamn) avgränsade med semikolon, komma eller tabb."))
    index: dict[str, int] = {}
    problems: list[str] = []
    for pos, name in enumerate(names):
        if not name:
            problems.append(_("kolumn {n} saknar rubrik").format(n=pos + 1))
            continue
        field = _BY_KEY.get(_key(name))
        if field is None:
            problems.append(_("okänd kolumn '{name}'").format(name=name[:60]))
        elif field in index:
            problems.append(_("kolumnen '{name}' förekommer två gånger").format(name=name[:60]))
        else:
            index[field] = pos
    for field in REQUIRED:
        if field not in index:
            problems.append(_("kolumnen '{name}' saknas").format(name=COLUMNS[field][0]))
    if problems:
        raise ImportRejected(
            _("Rubrikraden går inte att använda: {problems}. Tillåtna kolumner: {allowed}.")
            .format(problems="; ".join(problems),
                    allowed=", ".join(names[0] for names in COLUMNS.values())))
    return ColumnMap(index, len(names))


def cell_text(value: Any) -> str:
    """A cell as text: CSV cells already are; spreadsheet numbers and dates are written out."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 21145.0 is a postal code, not a fraction
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


def cell_value(field: str, value: Any) -> Any:
    """The value handed to the validators: dates stay dates, everything else becomes text."""
    if field in DATE_FIELDS and isinstance(value, date):
        return value
    text = cell_text(value)
    if field == "frivard_status" and text:
        # Unknown values go through as written so the validator names them.
        status = FRIVARD_LABELS.get(" ".join(text.casefold().split()))
        return status if status is not None else text
    return text
