"""Build the screens' translation catalogues: ``.ts`` → ``.qm`` (the .qm files are gitignored).

    python -m app.ui.i18n_build            # compile every .ts to .qm (setup runs this)
    python -m app.ui.i18n_build --update   # first re-scan the code for new strings (lupdate)
    python -m app.ui.i18n_build --update app/ui/pages/groups.py   # re-scan just these files

One catalogue per source file and language, ``resources/i18n/<lang>/<module>.ts`` (for
example ``en/ui.pages.people.ts`` for ``app/ui/pages/people.py``): a change to one screen
touches one catalogue, and Qt Linguist opens any number of them at once. The tools ship
inside the PySide6 wheel, so no system Qt is needed.

The Qt-free core's gettext catalogue (``resources/i18n/<lang>/LC_MESSAGES/mottryck.po``) is
compiled to ``.mo`` here too; ``python -m app.i18n_catalogue`` re-scans the core for it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import PySide6

from app import i18n_catalogue
from app.paths import resources_dir

LANGUAGES = ("en",)  # Swedish is the source text and needs no catalogue
LANGUAGE_TAGS = {"en": "en_US"}  # as the existing catalogues name it
ROOT = resources_dir().parent


def _tool(name: str) -> str:
    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    raise SystemExit(f"{name} not found in {folder}: is PySide6 installed?")


def sources(root: Path = ROOT) -> list[Path]:
    """Every file whose strings are translated through Qt."""
    return [*sorted((root / "app" / "ui").rglob("*.py")), root / "app" / "main.py"]


def catalogue_for(source: Path, lang: str, root: Path = ROOT) -> Path:
    module = ".".join(source.relative_to(root / "app").with_suffix("").parts)
    return root / "resources" / "i18n" / lang / f"{module}.ts"


def message_count(ts: Path) -> int:
    return sum(1 for _m in ET.parse(ts).getroot().iter("message"))


def lupdate(source: Path, ts: Path) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    # A new catalogue without a target language is never updated again by lupdate.
    language = [] if ts.exists() else ["-target-language", LANGUAGE_TAGS.get(ts.parent.name,
                                                                             ts.parent.name)]
    subprocess.run([_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    *language, str(source), "-ts", str(ts)], check=True)


def update(root: Path = ROOT, only: Sequence[Path] = ()) -> None:
    """Add new source strings to each file's catalogue; existing translations are kept.
    A file without translatable strings gets no catalogue."""
    chosen = [Path(p).resolve() for p in only] or sources(root)
    for lang in LANGUAGES:
        for source in chosen:
            ts = catalogue_for(source, lang, root)
            lupdate(source, ts)
            if message_count(ts) == 0:
                ts.unlink()


def release(root: Path = ROOT) -> list[Path]:
    built = []
    for lang in LANGUAGES:
        for ts in sorted((root / "resources" / "i18n" / lang).glob("*.ts")):
            qm = ts.with_suffix(".qm")
            subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
            built.append(qm)
    return built


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.ui.i18n_build", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true",
                        help="re-scan the code for strings (lupdate) before compiling")
    parser.add_argument("files", nargs="*", type=Path,
                        help="with --update: only these source files")
    args = parser.parse_args(argv)
    if args.update:
        update(only=args.files)
    built = release()
    core = i18n_catalogue.compile_catalogues(ROOT)
    print(f"{len(built)} catalogues built, {len(core)} for the core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
