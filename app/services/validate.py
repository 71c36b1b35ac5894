"""Field checks shared by every service: collect all problems, then raise them together."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from app.errors import FieldError, ValidationError
from app.i18n import _

E = TypeVar("E", bound=StrEnum)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()\-]{5,20}$")
_POSTAL = re.compile(r"^\d{3} ?\d{2}$")
# Unicode category Cc except newline and tab, as one character class: a per-character
# unicodedata lookup made this check the largest cost of validating an imported row.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Inside Checker the names ``date`` and ``datetime`` are its methods; annotations use these.
_Date = date
_DateTime = datetime


def _naive_local(value: datetime) -> datetime:
    """Times are stored as naive local time; a zoned value is converted, not mislabelled."""
    return value if value.tzinfo is None else value.astimezone().replace(tzinfo=None)


class Checker:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, field: str, label: str, reason: str) -> None:
        self.errors.append(FieldError(field, reason, label))

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    # ---- typed checks; each returns the cleaned value (or None) ---------------------------
    def text(self, field: str, label: str, value: Any, *, required: bool = False,
             max_len: int = 200) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(field, label, _("måste fyllas i"))
            return None
        if not isinstance(value, str):
            self.fail(field, label, _("måste vara text"))
            return None
        # Stored composed, so search and the Swedish sort key see "ö" as one letter; Windows
        # line ends (pasted or imported notes) become plain ones instead of a control error.
        cleaned = unicodedata.normalize("NFC", value.strip()).replace("\r\n", "\n")
        if len(cleaned) > max_len:
            self.fail(field, label, _("högst {n} tecken").format(n=max_len))
            return None
        # Category Cc: C0, DEL and C1 (e.g. a terminal escape pasted from a log).
        if _CONTROL.search(cleaned):
            self.fail(field, label, _("innehåller otillåtna kontrolltecken"))
            return None
        return cleaned

    def enum(self, field: str, label: str, value: Any, enum_cls: type[E], *,
             required: bool = True) -> E | None:
        if value is None or value == "":
            if required:
                self.fail(field, label, _("måste väljas"))
            return None
        try:
            return enum_cls(value)
        except ValueError:
            allowed = ", ".join(m.value for m in enum_cls)
            self.fail(field, label, _("okänt värde '{v}' (tillåtna: {allowed})").format(
                v=value, allowed=allowed))
            return None

    def date(self, field: str, label: str, value: Any, *, required: bool = False) -> date | None:
        if value is None or value == "":
            if required:
                self.fail(field, label, _("måste fyllas i"))
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.fail(field, label, _("ska vara ett datum som ÅÅÅÅ-MM-DD"))
        return None

    def datetime(self, field: str, label: str, value: Any, *,
                 required: bool = False) -> _DateTime | None:
        if value is None or value == "":
            if required:
                self.fail(field, label, _("måste fyllas i"))
            return None
        if isinstance(value, datetime):
            return _naive_local(value)
        if isinstance(value, date):
            return datetime(value.year, value.month, value.day)
        if isinstance(value, str):
            try:
                return _naive_local(datetime.fromisoformat(value.strip()))
            except ValueError:
                pass
        self.fail(field, label, _("ska vara datum och tid som ÅÅÅÅ-MM-DD TT:MM"))
        return None

    def integer(self, field: str, label: str, value: Any, *, minimum: int | None = None,
                maximum: int | None = None, required: bool = False) -> int | None:
        if value is None or value == "":
            if required:
                self.fail(field, label, _("måste fyllas i"))
            return None
        # A bool or a float with a fraction is not silently turned into a count.
        fractional = isinstance(value, float) and not value.is_integer()
        try:
            number = None if isinstance(value, bool) or fractional else int(value)
        except (TypeError, ValueError, OverflowError):
            number = None
        if number is None:
            self.fail(field, label, _("ska vara ett heltal"))
            return None
        if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            self.fail(field, label, _("ska ligga mellan {lo} och {hi}").format(
                lo=minimum if minimum is not None else "…",
                hi=maximum if maximum is not None else "…"))
            return None
        return number

    def date_order(self, field: str, label: str, start: _Date | None,
                   end: _Date | None) -> None:
        if start and end and end < start:
            self.fail(field, label, _("kan inte ligga före startdatumet"))

    def email(self, field: str, label: str, value: Any) -> str | None:
        cleaned = self.text(field, label, value, max_len=200)
        if cleaned and not _EMAIL.match(cleaned):
            self.fail(field, label, _("är ingen giltig e-postadress"))
            return None
        return cleaned

    def phone(self, field: str, label: str, value: Any) -> str | None:
        cleaned = self.text(field, label, value, max_len=40)
        if cleaned and not _PHONE.match(cleaned):
            self.fail(field, label, _("är inget giltigt telefonnummer"))
            return None
        return cleaned

    def postal_code(self, field: str, label: str, value: Any) -> str | None:
        cleaned = self.text(field, label, value, max_len=10)
        if cleaned and not _POSTAL.match(cleaned):
            self.fail(field, label, _("ska ha fem siffror, t.ex. 211 45"))
            return None
        return cleaned.replace(" ", "") if cleaned else None

    def names(self, field: str, label: str, value: Any, *, max_len: int = 100) -> list[str]:
        """A list of short names (aliases): from a list or a text separated by ; or ,."""
        if value is None or value == "":
            return []
        items = re.split(r"[;,]", value) if isinstance(value, str) else list(value)
        out: list[str] = []
        for item in items:
            cleaned = self.text(field, label, item, max_len=max_len)
            if cleaned and cleaned not in out:
                out.append(cleaned)
        return out
