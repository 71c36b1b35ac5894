"""Personnummer and samordningsnummer: validation (python-stdnum), normalising and masking.

Stored as 12 digits, YYYYMMDDNNNN. stdnum validates personnummer (Luhn and date) but not the
samordningsnummer rule (day + 60), so those get the same checks with the day shifted back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from stdnum import luhn
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.util import clean

from app.errors import FieldError, ValidationError
from app.i18n import _
from app.models.enums import IdKind

FIELD = "personnummer"


@dataclass(frozen=True)
class IdNumber:
    digits: str  # 12 digits
    kind: IdKind
    birth_date: date


def _fail(reason: str) -> ValidationError:
    return ValidationError(FieldError(FIELD, reason, _("personnummer")))


def _clean(raw: str) -> str:
    """Drop spaces and colons; stdnum's clean() also maps full-width digits and Unicode dashes.

    That mapping goes character by character and was a third of the cost of validating an
    imported row, so plain ASCII (all but the rarest input) skips it. '`' is the one ASCII
    character stdnum rewrites (to "'"); both are refused as a format error either way.
    """
    if raw.isascii():
        return raw.replace(" ", "").replace(":", "")
    return clean(raw, " :")


def _long_form_birth_date(compact: str) -> date:
    try:
        return date(int(compact[0:4]), int(compact[4:6]), int(compact[6:8]))
    except ValueError as exc:
        raise InvalidComponent() from exc


def _short_form_birth_date(compact: str, today: date) -> date:
    """YYMMDD with '-' (under 100 years old) or '+' (100 or older): the latest fitting date.

    Decided by the whole date, not the year alone: on 2025-06-01, "250701-" is 1925-07-01.
    """
    yy, month, day = int(compact[0:2]), int(compact[2:4]), int(compact[4:6])
    year = today.year - (today.year - yy) % 100
    try:
        if date(year, month, day) > today:
            year -= 100
        if compact[-5] == "+":
            year -= 100
        return date(year, month, day)
    except ValueError as exc:
        raise InvalidComponent() from exc


def parse_id_number(text: str, *, today: date | None = None) -> IdNumber:
    """Validate and normalise a personnummer/samordningsnummer typed in any usual form."""
    today = today or date.today()
    raw = text.strip()
    try:
        cleaned = _clean(raw)
        body = cleaned.replace("-", "").replace("+", "")
        # Characters before length, so "811218-987" is reported as too short.
        if (body and not (body.isdigit() and body.isascii())) or cleaned.count("+") > 1 or (
                "+" in cleaned and "-" in cleaned):
            raise InvalidFormat()
        if len(body) not in (10, 12):
            raise InvalidLength()
        # "YYMMDD-NNNN" / "YYYYMMDD-NNNN" ('+' for 100 years), as stdnum's compact() makes it.
        if len(cleaned) in (10, 12) and cleaned[-5] not in "-+":
            cleaned = f"{cleaned[:-4]}-{cleaned[-4:]}"
        compact = cleaned[:-5].replace("-", "") + cleaned[-5:]
        digits = compact[:-5] + compact[-4:]
        if compact[-5] not in "-+" or not digits.isdigit():
            raise InvalidFormat()
        day = int(compact[-7:-5])  # the day sits just before the separator in both forms
        kind = IdKind.PERSONNUMMER
        shifted = compact
        if day > 60:
            kind = IdKind.SAMORDNINGSNUMMER
            shifted = f"{compact[:-7]}{day - 60:02d}{compact[-5:]}"
        if len(shifted) == 13:
            born = _long_form_birth_date(shifted)
        else:
            born = _short_form_birth_date(shifted, today)
        luhn.validate(digits[-10:])
    except InvalidLength as exc:
        raise _fail(_("ska ha 10 eller 12 siffror")) from exc
    except InvalidFormat as exc:
        raise _fail(_("får bara innehålla siffror och ett bindestreck")) from exc
    except InvalidComponent as exc:
        raise _fail(_("innehåller inget giltigt datum")) from exc
    except InvalidChecksum as exc:
        raise _fail(_("kontrollsiffran stämmer inte")) from exc
    except (StdnumError, ValueError) as exc:
        raise _fail(_("är inte ett giltigt nummer")) from exc
    if born > today:
        raise _fail(_("födelsedatumet ligger i framtiden"))
    full = digits if len(digits) == 12 else f"{born.year // 100}{digits}"
    return IdNumber(full, kind, born)


def mask(digits: str | None) -> str:
    """What every screen and list shows by default: the birth date, never the last four."""
    if not digits:
        return ""
    return f"{digits[:8]}-****"


def format_full(digits: str) -> str:
    return f"{digits[:8]}-{digits[8:]}"
