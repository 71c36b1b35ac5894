"""Translation hook for the Qt-free core.

The core speaks Swedish first. Its user-facing messages go through ``_`` so that a gettext
catalogue (``resources/i18n/<lang>/LC_MESSAGES/mottryck.mo``, compiled from the ``.po`` beside
it by ``python -m app.ui.i18n_build``; see app/i18n_catalogue.py) can translate them; without
one the Swedish source text is shown. The Qt layer has its own ``.ts``/``.qm`` catalogues.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator, Mapping
from pathlib import Path

_LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
_translation: gettext.NullTranslations = gettext.NullTranslations()


def set_language(lang: str, localedir: Path | None = None) -> None:
    """Switch the core's messages to ``lang`` ("sv" is the source language), reading the
    catalogue from ``localedir`` (``<localedir>/<lang>/LC_MESSAGES/mottryck.mo``) if given."""
    global _translation
    if lang == "sv":
        _translation = gettext.NullTranslations()
        return
    _translation = gettext.translation(
        "mottryck", localedir=localedir or _LOCALE_DIR, languages=[lang], fallback=True
    )


def _(message: str) -> str:
    return _translation.gettext(message)


def n_(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n`` (Swedish: 1 person, 2 personer)."""
    return _translation.ngettext(singular, plural, n)


class Labels(Mapping[str, str]):
    """A module-level table of texts (field labels, reasons) that follows the language chosen
    later: ``_`` ran when the module was imported, so each lookup translates again. A text
    already translated at import comes back unchanged, as the catalogue has no entry for it."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts = dict(texts)

    def __getitem__(self, key: str) -> str:
        return _(self._texts[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)
