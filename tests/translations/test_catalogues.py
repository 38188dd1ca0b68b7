"""The Arabic and French message catalogues are complete, compiled and current.

English is the source language: its catalogue holds the msgids only. Arabic and French must
translate every string, in every plural form, keep each placeholder, and ship a .mo that says
exactly what the .po says (a fresh machine may lack GNU gettext, so the .mo files are committed).
The last test extracts the interface strings again from a copy of the source tree and fails when
someone added a string without a translation, or left an obsolete one behind.
"""

import ast
import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale"
TRANSLATED = ("ar", "fr")
ALL_LANGUAGES = ("ar", "en", "fr")
NPLURALS = {"ar": 6, "fr": 2, "en": 2}
# The same options as the documented command (see the header of each django.po).
IGNORED = (".venv", "var", "node_modules", "test-artifacts", "bench")
MAKEMESSAGES_OPTIONS = [
    "-l",
    "ar",
    "-l",
    "fr",
    "-l",
    "en",
    *(f"--ignore={pattern}" for pattern in IGNORED),
    "--no-obsolete",
]

PRINTF = re.compile(r"%(?:\((\w+)\))?[#0 +-]*(?:\d+|\*)?(?:\.\d+)?[sdifrxXeEgGcuo%]")
BRACE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


class Entry:
    def __init__(self):
        self.msgctxt = None
        self.msgid = ""
        self.msgid_plural = None
        self.msgstr = ""
        self.msgstr_plural = {}
        self.flags = set()
        self.obsolete = False

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    @property
    def label(self):
        return f"{self.msgctxt}|{self.msgid!r}" if self.msgctxt else repr(self.msgid)


def parse_po(path):
    """A small reader of the .po format, enough for what makemessages and msgmerge write."""
    entries, entry, field = [], Entry(), None

    def finish():
        nonlocal entry
        if field is not None:
            entries.append(entry)
        entry = Entry()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            field = None
            continue
        if line.startswith("#~"):
            entry.obsolete = True
            continue
        if line.startswith("#,"):
            if field is not None:
                finish()
                field = None
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            if field is not None:
                finish()
                field = None
            continue
        if line.startswith('"'):
            value = ast.literal_eval(line)
        else:
            keyword, _, rest = line.partition(" ")
            if keyword == "msgctxt" and field is not None:
                finish()
            field = keyword
            value = ast.literal_eval(rest)
            if field.startswith("msgstr["):
                entry.msgstr_plural.setdefault(int(field[7:-1]), "")
        if field == "msgctxt":
            entry.msgctxt = (entry.msgctxt or "") + value
        elif field == "msgid":
            entry.msgid += value
        elif field == "msgid_plural":
            entry.msgid_plural = (entry.msgid_plural or "") + value
        elif field == "msgstr":
            entry.msgstr += value
        elif field.startswith("msgstr["):
            index = int(field[7:-1])
            entry.msgstr_plural[index] += value
        else:
            raise AssertionError(f"{path}: unexpected line {raw!r}")
    finish()
    header = next(e for e in entries if e.msgid == "" and e.msgctxt is None)
    messages = [e for e in entries if e is not header and not e.obsolete]
    return header, messages


def catalogue(language):
    return parse_po(LOCALE / language / "LC_MESSAGES" / "django.po")


def header_fields(header):
    fields = {}
    for line in header.msgstr.splitlines():
        name, _, value = line.partition(":")
        fields[name.strip()] = value.strip()
    return fields


def plural_function(header):
    plural = header_fields(header)["Plural-Forms"].split("plural=", 1)[1].rstrip(";")
    return gettext.c2py(plural)


def placeholders(text, flags):
    found = []
    if "python-format" in flags:
        found += [m.group(0) for m in PRINTF.finditer(text) if m.group(0) != "%%"]
    if "python-brace-format" in flags:
        found += [m.group(0) for m in BRACE.finditer(text) if m.group(0) not in ("{{", "}}")]
    found += HTML_TAG.findall(text)
    return sorted(found)


def _without_creation_date(header_text):
    # GNU msgfmt 0.20+ leaves POT-Creation-Date out of the .mo, for reproducible builds.
    return "".join(
        line
        for line in header_text.splitlines(keepends=True)
        if not line.startswith("POT-Creation-Date:")
    )


def compiled_from_po(language):
    """What a correct .mo for this .po contains, as gettext.GNUTranslations reads it."""
    header, messages = catalogue(language)
    expected = {"": _without_creation_date(header.msgstr)}
    for entry in messages:
        if "fuzzy" in entry.flags:
            continue
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural is not None:
            if all(entry.msgstr_plural.values()):
                for index, text in entry.msgstr_plural.items():
                    expected[(key, index)] = text
        elif entry.msgstr:
            expected[key] = entry.msgstr
    return expected


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_each_catalogue_declares_its_language_and_plural_forms(language):
    header, messages = catalogue(language)
    fields = header_fields(header)

    assert fields["Language"] == language
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["Plural-Forms"].startswith(f"nplurals={NPLURALS[language]};")
    assert "fuzzy" not in header.flags
    assert len(messages) > 100


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated_in_every_plural_form(language):
    _, messages = catalogue(language)
    untranslated = []
    for entry in messages:
        if entry.msgid_plural is None:
            if not entry.msgstr.strip():
                untranslated.append(entry.label)
        elif sorted(entry.msgstr_plural) != list(range(NPLURALS[language])) or not all(
            text.strip() for text in entry.msgstr_plural.values()
        ):
            untranslated.append(entry.label)

    assert untranslated == []


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_no_entry_is_fuzzy(language):
    _, messages = catalogue(language)

    assert [entry.label for entry in messages if "fuzzy" in entry.flags] == []


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_the_three_catalogues_hold_the_same_strings(language):
    _, english = catalogue("en")
    _, messages = catalogue(language)

    assert sorted(map(str, (e.key for e in messages))) == sorted(map(str, (e.key for e in english)))


def test_english_is_the_source_and_needs_no_translation():
    _, messages = catalogue("en")

    changed = [
        entry.label
        for entry in messages
        if entry.msgid_plural is None and entry.msgstr not in ("", entry.msgid)
    ]
    assert changed == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_every_placeholder_and_tag(language):
    header, messages = catalogue(language)
    plural = plural_function(header)
    # A plural form must keep the placeholders English uses for every number it serves, except
    # a form that serves one number only (Arabic 0, 1 and 2), which may spell the number out
    # ("مشاركان", two participants) and leave its placeholder out.
    numbers_per_form = {}
    for n in range(1000):
        numbers_per_form.setdefault(plural(n), set()).add(n)

    wrong = []
    for entry in messages:
        if entry.msgid_plural is None:
            if placeholders(entry.msgstr, entry.flags) != placeholders(entry.msgid, entry.flags):
                wrong.append((entry.label, entry.msgstr))
            continue
        english = {
            1: set(placeholders(entry.msgid, entry.flags)),
            "other": set(placeholders(entry.msgid_plural, entry.flags)),
        }
        allowed = english[1] | english["other"]
        for index, text in entry.msgstr_plural.items():
            used = set(placeholders(text, entry.flags))
            numbers = numbers_per_form.get(index, set())
            required = set() if len(numbers) == 1 else allowed.copy()
            for n in numbers:
                required &= english[1 if n == 1 else "other"]
            if not required <= used <= allowed:
                wrong.append((entry.label, index, text))

    assert wrong == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_line_breaks_and_a_closing_colon(language):
    _, messages = catalogue(language)
    wrong = []
    for entry in messages:
        texts = [entry.msgstr] if entry.msgid_plural is None else entry.msgstr_plural.values()
        for text in texts:
            for edge in (str.startswith, str.endswith):
                if edge(entry.msgid, "\n") != edge(text, "\n"):
                    wrong.append((entry.label, text))
            if entry.msgid.count("\n\n") != text.count("\n\n"):
                wrong.append((entry.label, text))
            if entry.msgid.endswith(":") != text.endswith(":"):
                wrong.append((entry.label, text))

    assert wrong == []


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_compiled_catalogue_says_exactly_what_the_po_says(language):
    mo = LOCALE / language / "LC_MESSAGES" / "django.mo"
    assert mo.is_file(), f"{mo} is missing: run manage.py compilemessages"

    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    found = dict(compiled._catalog)
    found[""] = _without_creation_date(found.get("", ""))

    assert found == compiled_from_po(language), (
        f"{mo} is older than its .po: run manage.py compilemessages --ignore=.venv"
    )


def test_django_serves_the_compiled_translations():
    from django.utils import translation

    with translation.override("fr"):
        assert translation.gettext("Contact Group of the Friends of Mediation") == (
            "Groupe de contact des amis de la médiation"
        )
        assert translation.pgettext("spoken language", "languages") == "langues"
    with translation.override("ar"):
        assert translation.gettext("Contact Group of the Friends of Mediation") == (
            "مجموعة الاتصال لأصدقاء الوساطة"
        )
        assert (
            translation.ngettext("%(counter)s participant", "%(counter)s participants", 2)
            % {"counter": 2}
            == "مشاركان"
        )
        assert (
            translation.ngettext("%(counter)s participant", "%(counter)s participants", 7)
            % {"counter": 7}
            == "7 مشاركين"
        )
        assert (
            translation.ngettext("%(counter)s participant", "%(counter)s participants", 24)
            % {"counter": 24}
            == "24 مشاركاً"
        )


def _copy_sources(destination):
    """The files makemessages reads (.py, .html, .txt), without the directories it ignores."""

    def ignore(directory, names):
        skipped = set()
        for name in names:
            path = Path(directory) / name
            if path.is_dir():
                if (
                    name in IGNORED
                    or name in (".git", "locale", "__pycache__")
                    or (name.startswith("."))
                ):
                    skipped.add(name)
            elif path.suffix not in (".py", ".html", ".txt"):
                skipped.add(name)
        return skipped

    shutil.copytree(ROOT, destination, ignore=ignore, symlinks=False)
    (destination / "locale").mkdir()


@pytest.mark.slow
def test_catalogues_cover_every_current_interface_string(tmp_path):
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        if os.environ.get("CI") or os.environ.get("OIC_REQUIRE_BROWSER"):
            pytest.fail("GNU gettext (xgettext, msgmerge) is required to check the catalogues")
        pytest.skip("GNU gettext is not installed: cannot extract the interface strings again")

    tree = tmp_path / "tree"
    _copy_sources(tree)
    env = {**os.environ, "DJANGO_DEBUG": os.environ.get("DJANGO_DEBUG", "1")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", *MAKEMESSAGES_OPTIONS],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr

    for language in ALL_LANGUAGES:
        _, fresh = parse_po(tree / "locale" / language / "LC_MESSAGES" / "django.po")
        _, committed = catalogue(language)
        fresh_keys = {(e.msgctxt, e.msgid, e.msgid_plural) for e in fresh}
        committed_keys = {(e.msgctxt, e.msgid, e.msgid_plural) for e in committed}

        assert sorted(fresh_keys - committed_keys, key=str) == [], (
            f"new strings missing from locale/{language}: run makemessages and translate them"
        )
        assert sorted(committed_keys - fresh_keys, key=str) == [], (
            f"locale/{language} holds strings no longer in the source: run makemessages"
        )
