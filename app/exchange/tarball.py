"""The bundle's inner archive: a plain ustar tar, written byte-for-byte the same every time
and read back by a strict parser that accepts only what the writer makes.

The reader is our own rather than ``tarfile``, which is lenient by design (GNU and pax
extensions, long names, links, sparse files): here anything but the three regular files, in
order, with valid checksums and zero padding, is refused.
"""

from __future__ import annotations

import tarfile
from collections.abc import Sequence
from dataclasses import dataclass

from app.errors import BundleRejected
from app.i18n import _

BLOCK = 512
_END = b"\0" * (2 * BLOCK)


def member_header(name: str, size: int) -> bytes:
    """A ustar header with fixed owner, mode and time, so equal content gives equal bytes."""
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = 0
    info.mode = 0o600
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.type = tarfile.REGTYPE
    return info.tobuf(tarfile.USTAR_FORMAT, "utf-8", "strict")


def padding(size: int) -> bytes:
    return b"\0" * (-size % BLOCK)


def end_of_archive() -> bytes:
    return _END


def build(members: Sequence[tuple[str, bytes]]) -> bytes:
    """A whole archive in memory (small archives and tests; bundles stream instead)."""
    parts: list[bytes] = []
    for name, data in members:
        parts += [member_header(name, len(data)), data, padding(len(data))]
    parts.append(_END)
    return b"".join(parts)


@dataclass(frozen=True)
class Allowed:
    name: str
    max_size: int


def _bad(reason: str) -> BundleRejected:
    return BundleRejected(
        "bad_archive", _("Buntens innehåll har fel uppbyggnad: {reason}.").format(reason=reason)
    )


def _zero(view: memoryview) -> bool:
    # Compared as a whole: iterating a large memoryview byte by byte is slow in Python.
    return view.nbytes == 0 or view == bytes(view.nbytes)


def _octal(field: bytes) -> int | None:
    digits = field.rstrip(b"\0 ")
    if not digits or not all(48 <= b <= 55 for b in digits):  # "0"…"7" only, no base-256
        return None
    return int(digits, 8)


def _checksum_ok(header: bytes) -> bool:
    stored = _octal(header[148:156])
    return stored is not None and stored == sum(header[:148]) + 8 * 32 + sum(header[156:])


def _header(header: bytes, allowed: dict[str, int]) -> tuple[str, int]:
    """The name and size of one member header, after every check."""
    if not _checksum_ok(header):
        raise _bad(_("trasigt filhuvud"))
    if header[257:265] != b"ustar\x0000":
        raise _bad(_("okänt tar-format"))
    raw_name = header[0:100].rstrip(b"\0")
    name = raw_name.decode("ascii", errors="replace")
    if name not in allowed or b"\0" in raw_name or any(header[345:500]):
        raise _bad(_("otillåtet filnamn \"{name}\"").format(name=name[:60]))
    if header[156:157] != b"0":
        raise _bad(_("{name} är inte en vanlig fil").format(name=name))
    if any(header[157:257]):  # link target
        raise _bad(_("{name} är en länk").format(name=name))
    size = _octal(header[124:136])
    if size is None:
        raise _bad(_("ogiltig storlek för {name}").format(name=name))
    if size > allowed[name]:
        raise _bad(_("{name} är för stor").format(name=name))
    # Owner, mode, time and number layout exactly as written: nothing left for a flip to hide in.
    if header != member_header(name, size):
        raise _bad(_("filhuvudet för {name} är inte som Mottryck skriver det").format(name=name))
    return name, size


def read_members(data: bytes | memoryview, expected: Sequence[Allowed]) -> dict[str, memoryview]:
    """The members of an archive that must hold exactly ``expected``, in that order."""
    view = memoryview(data)
    allowed = {a.name: a.max_size for a in expected}
    found: dict[str, memoryview] = {}
    order: list[str] = []
    offset = 0
    while True:
        header = bytes(view[offset : offset + BLOCK])
        if len(header) < BLOCK:
            raise _bad(_("arkivet tar slut för tidigt"))
        if not any(header):
            break
        name, size = _header(header, allowed)
        if name in found:
            raise _bad(_("{name} förekommer två gånger").format(name=name))
        start = offset + BLOCK
        end = start + size
        stop = end + (-size % BLOCK)
        if stop > len(view):
            raise _bad(_("arkivet tar slut för tidigt"))
        if not _zero(view[end:stop]):
            raise _bad(_("utfyllnaden efter {name} är inte tom").format(name=name))
        found[name] = view[start:end]
        order.append(name)
        offset = stop
    tail = view[offset:]
    if tail != _END:  # exactly the two zero blocks written: nothing appended
        raise _bad(_("arkivets slut är felaktigt"))
    missing = [a.name for a in expected if a.name not in found]
    if missing:
        raise _bad(_("{name} saknas").format(name=missing[0]))
    if order != [a.name for a in expected]:
        raise _bad(_("filerna ligger i fel ordning"))
    return found
