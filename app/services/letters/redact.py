"""The last guard before text reaches a letter: nothing that looks like a personnummer or
samordningsnummer survives, whatever a template or a field holds (IMY: never on letters).

Deliberately generous: 10 or more digits in a row, or 6 or more digits and 4 or more split by
one separator (hyphen, plus, dash, dot or spaces, a line break included), valid checksum or not,
any Unicode digits. A ten-digit phone number written without separators looks exactly like a
personnummer and is removed too; the letterhead therefore refuses such a phone number.
"""

from __future__ import annotations

import re

_SEP = r"[ \t\r\n\u00a0]*[-+.\u2010-\u2015\u2212]?[ \t\r\n\u00a0]*"
# Longer runs are taken whole: a number hidden inside more digits is still a number.
ID_NUMBER = re.compile(rf"\d{{6,}}{_SEP}\d{{4,}}|\d{{10,}}")


def looks_like_id_number(text: str) -> bool:
    return ID_NUMBER.search(text) is not None


def redact(text: str, mark: str = "[borttaget]") -> str:
    """``text`` with every personnummer-like number replaced by a visible ``mark`` (in the
    letter's language)."""
    if not any(ch.isdigit() for ch in text):  # most strings: no regex work at all
        return text
    return ID_NUMBER.sub(lambda _match: mark, text)
