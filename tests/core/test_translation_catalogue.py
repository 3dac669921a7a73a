"""The English catalogue is complete: every interface string has its English.

``makemessages -l en`` runs as the committed catalogue was made (from the project
root, without .venv, bench and tests), but into a copy of locale/, so the
committed files are never rewritten. A string in a template or in Python that
the committed .po lacks, an entry left empty, and one msgmerge marked fuzzy
(its guess from a similar older string) each fail the test by name. The
compiled django.mo must hold exactly what the .po says, or Django serves stale
English. The catalogues are read with the gettext tools makemessages needs.
"""

import shutil
import subprocess
from gettext import GNUTranslations
from io import BytesIO
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
PO = Path("locale") / "en" / "LC_MESSAGES" / "django.po"
# Not the project's interface: the virtualenv's packages, benchmarks, tests.
NOT_SCANNED = {".git", ".venv", "bench", "tests", "locale"}


def compile_po(po_text, *, fuzzy=False):
    """The .mo msgfmt makes of ``po_text``: without empty entries, and without fuzzy
    ones unless ``fuzzy``."""
    options = ["--use-fuzzy"] if fuzzy else ["--check"]
    return subprocess.run(["msgfmt", *options, "-o", "-", "-"], input=po_text.encode(),
                          capture_output=True, check=True).stdout


def every_entry(po_text):
    """``po_text`` with its empty entries given a stand-in (msgen copies the msgid)."""
    return subprocess.run(["msgen", "-"], input=po_text, capture_output=True, text=True,
                          check=True).stdout


def catalogue(mo):
    return GNUTranslations(BytesIO(mo))._catalog if mo else {}


def keys(mo):
    """``msgid``, ``(msgid, n)`` for a plural, ``context\\x04msgid`` with a context."""
    return set(catalogue(mo)) - {""}


def name(key):
    text, plural = key if isinstance(key, tuple) else (key, None)
    context, _, msgid = text.rpartition("\x04")
    return (repr(msgid) + (f" (context {context!r})" if context else "")
            + (f" (plural form {plural})" if plural is not None else ""))


def fresh_po(tmp_path, settings, monkeypatch):
    """The .po makemessages makes from today's code, merged with the committed one."""
    for entry in ROOT.iterdir():
        if entry.name not in NOT_SCANNED:
            (tmp_path / entry.name).symlink_to(entry)
    (tmp_path / PO).parent.mkdir(parents=True)
    if (ROOT / PO).exists():
        shutil.copy(ROOT / PO, tmp_path / PO)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["en"], symlinks=True, no_obsolete=True, verbosity=0)
    return (tmp_path / PO).read_text()


def test_every_interface_string_has_its_english(tmp_path, settings, monkeypatch):
    committed = (ROOT / PO).read_text() if (ROOT / PO).exists() else ""
    known = keys(compile_po(every_entry(committed), fuzzy=True)) if committed else set()
    fresh = fresh_po(tmp_path, settings, monkeypatch)
    every = keys(compile_po(every_entry(fresh), fuzzy=True))
    translated = keys(compile_po(fresh))
    missing = every - known
    fuzzy = keys(compile_po(fresh, fuzzy=True)) - translated - missing
    empty = every - translated - fuzzy - missing
    problems = sorted([f"not in {PO} (run makemessages -l en): {name(key)}" for key in missing]
                      + [f"fuzzy: {name(key)}" for key in fuzzy]
                      + [f"not translated: {name(key)}" for key in empty])
    assert not problems, f"{len(problems)} strings lack their English:\n" + "\n".join(problems)


def test_the_compiled_catalogue_is_the_po():
    po, mo = ROOT / PO, (ROOT / PO).with_suffix(".mo")
    recompile = f"msgfmt --check -o {mo.relative_to(ROOT)} {PO}"
    assert mo.exists(), f"{mo} is missing: {recompile}"
    assert catalogue(mo.read_bytes()) == catalogue(compile_po(po.read_text())), (
        f"{mo} does not match {po}: {recompile}")
