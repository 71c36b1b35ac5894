"""Build the screens' translation catalogues: ``resources/i18n/*.ts`` → ``.qm`` (gitignored).

    python -m app.ui.i18n_build            # compile every .ts to .qm (setup runs this)
    python -m app.ui.i18n_build --update   # first re-scan the code for new strings (lupdate)

The tools ship inside the PySide6 wheel, so no system Qt is needed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import PySide6

from app.paths import resources_dir

LANGUAGES = ("en",)  # Swedish is the source text and needs no catalogue


def _tool(name: str) -> str:
    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    raise SystemExit(f"{name} not found in {folder}: is PySide6 installed?")


def catalogues() -> list[Path]:
    return [resources_dir() / "i18n" / f"mottryck_{lang}.ts" for lang in LANGUAGES]


def update(root: Path) -> None:
    """Add new source strings to every catalogue; existing translations are kept."""
    files = [str(p.relative_to(root)) for p in sorted((root / "app" / "ui").rglob("*.py"))]
    files.append("app/main.py")
    for ts in catalogues():
        subprocess.run([_tool("lupdate"), "-no-obsolete", "-locations", "none", *files,
                        "-ts", str(ts)], check=True, cwd=root)


def release() -> list[Path]:
    built = []
    for ts in catalogues():
        if not ts.is_file():
            continue
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.ui.i18n_build", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true",
                        help="re-scan the code for strings (lupdate) before compiling")
    args = parser.parse_args(argv)
    if args.update:
        update(resources_dir().parent)
    for qm in release():
        print(qm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
