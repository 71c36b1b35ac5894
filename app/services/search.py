"""Turning what a user types into a safe FTS5 query.

Every word becomes a quoted prefix term (``"öberg"*``) joined by AND, so FTS5 syntax in the
input (quotes, NEAR, column filters, stray operators) can never cause an error or widen a
search. Case folding is FTS5's unicode61 tokenizer's job: "öberg" finds "Öberg". Input is
NFC-normalised first: a decomposed "ö" (o + combining diaeresis, as some keyboards and pasted
text produce) would otherwise split into "o" and a separator.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 8


def fts_query(text: str) -> str:
    words = _WORD.findall(unicodedata.normalize("NFC", text or ""))[:MAX_TERMS]
    return " ".join(f'"{w}"*' for w in words)
