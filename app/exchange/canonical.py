"""Canonical JSON: one byte string for one value, so signed bytes can be reproduced exactly.

Keys sorted, no spaces, UTF-8 (not ``\\u`` escapes), and no floats: a float's text differs
between languages and versions, so a value that must be signed is an integer or a string.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable
from typing import Any

import orjson


class NotCanonical(ValueError):
    """The value cannot be written, or the text read, as canonical JSON."""


def _check(value: Any) -> None:
    if value is None or isinstance(value, bool | int | str):
        return
    if isinstance(value, float):
        raise NotCanonical("floats are not allowed in canonical JSON")
    if isinstance(value, list | tuple):
        for item in value:
            _check(item)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise NotCanonical("object keys must be strings")
            _check(item)
        return
    raise NotCanonical(f"not a JSON value: {type(value).__name__}")


def canonical_json(value: Any) -> bytes:
    """The canonical bytes of ``value`` (checked all the way down)."""
    _check(value)
    try:
        return _encode(value).encode("utf-8")
    except (TypeError, ValueError, RecursionError) as exc:
        raise NotCanonical(str(exc)) from exc


def _not_json(value: Any) -> Any:
    raise TypeError(f"not a JSON value: {type(value).__name__}")


def _make_encoder() -> Callable[[Any], str]:
    # ``json.dumps`` builds its C encoder again on every call, which is most of the cost for
    # many small records; one built once (exactly as ``json.dumps`` would) is about twice as
    # fast. Without the C accelerator, ``json.dumps`` with the same options does the job.
    c_make_encoder = getattr(json.encoder, "c_make_encoder", None)
    c_encode_basestring = getattr(json.encoder, "c_encode_basestring", None)
    if c_make_encoder is None or c_encode_basestring is None:
        return lambda value: json.dumps(
            value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
        )
    encoder = c_make_encoder(None, _not_json, c_encode_basestring, None, ":", ",", True,
                             False, False)
    return lambda value: "".join(encoder(value, 0))


_encode = _make_encoder()


def dumps_fast(value: Any) -> bytes:
    """The same layout without the float check, for payload lines the caller built itself
    (orjson with sorted keys writes exactly the canonical bytes; tested against the
    stdlib's) — except integers beyond 64 bits, which no column holds and orjson refuses.
    Raises ``NotCanonical`` (a ``ValueError``) for what it cannot write."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except (TypeError, ValueError) as exc:
        raise NotCanonical(str(exc)) from exc


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise NotCanonical("duplicate key")
    return result


def _no_float(text: str) -> Any:
    raise NotCanonical("floats are not allowed in canonical JSON")


def _no_constant(text: str) -> Any:
    raise NotCanonical(f"{text} is not JSON")


def parse_canonical(data: bytes) -> Any:
    """Parse bytes that must be canonical JSON exactly (rejects anything else)."""
    try:
        text = data.decode("utf-8")
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_float=_no_float,
            parse_constant=_no_constant,
        )
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise NotCanonical(str(exc)) from exc
    if canonical_json(value) != data:
        raise NotCanonical("not in canonical form")
    return value


def parse_record(line: bytes) -> Any:
    """One payload line as JSON (NaN and Infinity refused, UTF-8 checked; the hash already
    vouches for the bytes)."""
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        raise NotCanonical(str(exc)) from exc
