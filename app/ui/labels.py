"""What users read for the domain's stable codes (the enums store codes, screens show words)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from app.models.enums import FrivardStatus

translate = QCoreApplication.translate  # the name lupdate looks for


def frivard_label(status: FrivardStatus | None) -> str:
    labels = {
        FrivardStatus.NONE: translate("labels", "Ingen"),
        FrivardStatus.PAROLE: translate("labels", "Villkorligt frigiven"),
        FrivardStatus.PROBATION: translate("labels", "Skyddstillsyn"),
        FrivardStatus.YOUTH_SUPERVISION: translate("labels", "Ungdomsövervakning"),
        FrivardStatus.INTENSIVE_SUPERVISION: translate("labels", "Intensivövervakning"),
        FrivardStatus.OTHER: translate("labels", "Annan"),
    }
    return labels.get(status, "") if status is not None else ""


def date_text(value: date | None) -> str:
    """ISO 8601 dates: the Swedish standard form, and unambiguous in English too."""
    return value.isoformat() if value else ""


def postal_code_text(value: str | None) -> str:
    """Swedish postcodes are written "215 65"; stored without the space."""
    if value and len(value) == 5 and value.isdigit():
        return f"{value[:3]} {value[3:]}"
    return value or ""


def count_text(n: int, locale: QLocale | None = None) -> str:
    """"12 345 personer": the number grouped the locale's way."""
    number = (locale or QLocale()).toString(n)
    text = translate("labels", "%1 person") if n == 1 else translate("labels", "%1 personer")
    return text.replace("%1", number)


def hits_text(n: int, locale: QLocale | None = None) -> str:
    number = (locale or QLocale()).toString(n)
    text = translate("labels", "%1 träff") if n == 1 else translate("labels", "%1 träffar")
    return text.replace("%1", number)
