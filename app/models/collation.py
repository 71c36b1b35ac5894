"""Swedish sort keys stored beside names, so SQL can ORDER BY them with a plain index.

A Python collation function would be called per comparison (seconds for 100,000 rows);
a precomputed key sorts at index speed. Rules (SS 03 61 08, simplified): case-insensitive;
å, ä, ö are letters after z in that order; æ sorts as ä, ø as ö; ü as y; other accents fold.
"""

from __future__ import annotations

import unicodedata

_AFTER_Z = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"})


def swedish_sort_key(text: str) -> str:
    folded = text.casefold().translate(_AFTER_Z)
    if folded.isascii():  # most Swedish names, once å, ä, ö are placeholders: nothing to strip
        return folded
    # Strip remaining accents (é → e) without touching the placeholders above.
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
