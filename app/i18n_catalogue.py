"""The core's gettext catalogue: find its messages, keep the ``.po`` in step, compile ``.mo``.

    python -m app.i18n_catalogue           # re-scan the core and update each language's .po
    python -m app.i18n_catalogue --build   # only compile .po → .mo

The core (everything under ``app/`` but ``app/ui/``) marks text with ``_("…")`` and
``n_("singular", "plural", n)`` from ``app.i18n``; the screens use Qt's own catalogues. The
scan reads the code with ``ast`` rather than importing it, so it needs nothing but the standard
library; ``polib`` is only needed to write the compiled ``.mo``.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

DOMAIN = "mottryck"
LANGUAGES = ("en",)  # Swedish is the source text and needs no catalogue
ROOT = Path(__file__).resolve().parent.parent
PLURAL_FORMS = {"en": "nplurals=2; plural=(n != 1);"}
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@dataclass(frozen=True, order=True)
class Message:
    msgid: str
    plural: str | None = None


def sources(root: Path = ROOT) -> list[Path]:
    """Every core file whose messages go through ``app.i18n``."""
    ui = root / "app" / "ui"
    return [p for p in sorted((root / "app").rglob("*.py")) if ui not in p.parents]


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def messages_in(source: str) -> set[Message]:
    """The ``_("…")`` and ``n_("…", "…", n)`` literals in one file's code."""
    found: set[Message] = set()
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        args = node.args
        if node.func.id == "_" and len(args) == 1 and (text := _literal(args[0])) is not None:
            found.add(Message(text))
        elif node.func.id == "n_" and len(args) == 3:
            singular, plural = _literal(args[0]), _literal(args[1])
            if singular is not None and plural is not None:
                found.add(Message(singular, plural))
    return found


def extract(paths: Iterable[Path]) -> list[Message]:
    found: set[Message] = set()
    for path in paths:
        found |= messages_in(path.read_text(encoding="utf-8"))
    return sorted(found)


def placeholders(text: str) -> list[str]:
    """The ``{name}`` fields, sorted: a translation must keep every one (it may reorder them)."""
    return sorted(_PLACEHOLDER.findall(text))


def po_path(lang: str, root: Path = ROOT) -> Path:
    return root / "resources" / "i18n" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def merge(lang: str, messages: Sequence[Message], root: Path = ROOT) -> Path:
    """Write ``lang``'s .po with exactly ``messages``: existing translations are kept, messages
    no longer in the code are dropped, new ones get an empty translation."""
    import polib

    path = po_path(lang, root)
    old = polib.pofile(str(path)) if path.exists() else None
    known = {entry.msgid: entry for entry in old} if old is not None else {}
    po = polib.POFile(wrapwidth=78)  # polib's own width: any tool that saves it keeps the layout
    po.header = f"{DOMAIN}: the core's messages ({lang}). Update with python -m app.i18n_catalogue"
    po.metadata = {
        "Project-Id-Version": DOMAIN,
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS.get(lang, "nplurals=2; plural=(n != 1);"),
    }
    for message in sorted(messages):
        previous = known.get(message.msgid)
        if message.plural is None:
            text = previous.msgstr if previous is not None and not previous.msgid_plural else ""
            po.append(polib.POEntry(msgid=message.msgid, msgstr=text))
        else:
            forms = dict(previous.msgstr_plural) if previous is not None else {}
            po.append(polib.POEntry(msgid=message.msgid, msgid_plural=message.plural,
                                    msgstr_plural={0: forms.get(0, ""), 1: forms.get(1, "")}))
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path


def update(root: Path = ROOT) -> list[Path]:
    messages = extract(sources(root))
    return [merge(lang, messages, root) for lang in LANGUAGES]


def compile_catalogues(root: Path = ROOT, out: Path | None = None) -> list[Path]:
    """Compile every language's .po to .mo, beside it or under ``out/<lang>/LC_MESSAGES``."""
    import polib

    built = []
    for lang in LANGUAGES:
        po = po_path(lang, root)
        if not po.exists():
            continue
        mo = (out / lang / "LC_MESSAGES" / f"{DOMAIN}.mo") if out else po.with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        polib.pofile(str(po)).save_as_mofile(str(mo))
        built.append(mo)
    return built


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.i18n_catalogue", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", action="store_true", help="only compile .po to .mo")
    args = parser.parse_args(argv)
    if not args.build:
        for path in update():
            print(f"updated {path.relative_to(ROOT)}")
    print(f"{len(compile_catalogues())} core catalogues built")
    return 0


if __name__ == "__main__":
    sys.exit(main())
