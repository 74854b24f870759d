"""Every Danish text has an English translation, and pages come in the visitor's language.

The texts are extracted afresh from the code and templates, so a new text without an English
translation fails here by name. The pages are checked against the committed catalogue,
compiled into a temporary folder: the tests neither need `make` nor trust a stale .mo file.
"""

import os
import re

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from cocreate import ROOT
from cocreate.extensions import babel, db
from cocreate.proposals.lifecycle import ProposalStatus

TRANSLATIONS = ROOT / "cocreate" / "translations"
CATALOGUE = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"
# The keywords `make messages` extracts with (see the Makefile).
KEYWORDS = ["-k", "_l", "-k", "lazy_gettext", "-k", "lazy_ngettext:1,2"]
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}


def _read(path, locale=None):
    with path.open("rb") as file:
        return read_po(file, locale=locale)


def _placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def _where(message):
    return ", ".join(f"{os.path.relpath(path, ROOT)}:{line}" for path, line in message.locations)


def _pairs(message):
    """Each msgid (singular, plural) with the msgstr forms that must carry its placeholders."""
    if not message.pluralizable:
        return [(message.id, message.string)]
    singular, plural = message.id
    first, *others = message.string
    return [(singular, first), *((plural, other) for other in others)]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The texts in the code and templates right now, as `make messages` would find them."""
    template = tmp_path_factory.mktemp("extracted") / "messages.pot"
    mapping = str(ROOT / "babel.cfg")
    command = ["pybabel", "-q", "extract", "-F", mapping, *KEYWORDS, "-o", str(template)]
    assert not CommandLineInterface().run([*command, str(ROOT)])
    return _read(template)


@pytest.fixture(scope="module")
def catalogue():
    return _read(CATALOGUE, locale="en")


@pytest.fixture(scope="module")
def english(app, catalogue, tmp_path_factory):
    """Serve the committed catalogue, compiled now, for the tests in this module."""
    folder = tmp_path_factory.mktemp("translations")
    (folder / "en" / "LC_MESSAGES").mkdir(parents=True)
    with (folder / "en" / "LC_MESSAGES" / "messages.mo").open("wb") as file:
        write_mo(file, catalogue)
    settings = app.extensions["babel"]
    original = settings.translation_directories
    with app.app_context():
        settings.translation_directories = [str(folder)]
        babel.domain_instance.cache.clear()  # translations are cached per process
        yield
        settings.translation_directories = original
        babel.domain_instance.cache.clear()


def test_extraction_finds_the_texts_of_code_templates_and_plurals(extracted):
    places = {os.path.relpath(path, ROOT) for m in extracted for path, _ in m.locations}
    assert any(p.startswith("cocreate/") for p in places)  # gettext, lazy_gettext (_l)
    assert any(p.startswith("templates/") and p.endswith(".html") for p in places)
    assert any(p.startswith("templates/") and p.endswith(".txt") for p in places)
    assert "Forslag" in extracted  # lazy, in the menu
    assert extracted.get("%(num)s forslag").pluralizable


def test_every_text_has_an_english_translation(extracted, catalogue):
    problems = []
    for message in extracted:
        if not message.id:
            continue
        entry = catalogue.get(message.id, message.context)
        if entry is None:
            problem = "missing from messages.po (run `make messages`)"
        elif entry.fuzzy:
            problem = "marked fuzzy: check the translation and remove the flag"
        elif message.pluralizable and not entry.pluralizable:
            problem = "needs a plural entry (msgid_plural, msgstr[0] and msgstr[1])"
        elif not all(text.strip() for _, text in _pairs(entry)):
            problem = "has no English translation"
        else:
            continue
        problems.append(f"{message.id!r} ({_where(message)}): {problem}")
    assert not problems, f"{len(problems)} text(s) in {CATALOGUE.relative_to(ROOT)}:\n" + (
        "\n".join(problems)
    )


def test_translations_keep_the_placeholders(catalogue):
    problems = [
        f"{msgid!r} -> {msgstr!r}"
        for message in catalogue
        if message.id and message.string
        for msgid, msgstr in _pairs(message)
        if msgstr and _placeholders(msgid) != _placeholders(msgstr)
    ]
    assert not problems, "placeholders differ:\n" + "\n".join(problems)
    assert not [message.id for message, _ in catalogue.check()]


def test_catalogue_compiles_as_english_with_two_plural_forms(catalogue):
    # A fuzzy header makes `pybabel compile` skip the whole catalogue without an error.
    assert not catalogue.fuzzy
    assert str(catalogue.locale) == "en"
    assert catalogue.num_plurals == 2
    assert not [message.id for message in catalogue if message.id and message.fuzzy]


def test_english_browser_gets_english_pages(client, english, make_proposal):
    make_proposal(ProposalStatus.ACCEPTED)
    page = client.get("/", headers=ENGLISH).text
    assert '<html lang="en">' in page
    for text in (
        "Skip to content",
        "Proposals",
        "Submit a proposal",
        "See all proposals",
        "Latest proposals",
        "Accepted",  # a lazy status label
        "0 supporters",  # a plural
        "Accessibility statement",
    ):
        assert text in page
    for text in ("Stil et forslag", "Nyeste forslag", "Imødekommet", "Tilgængelighedserklæring"):
        assert text not in page


def test_english_plural_forms(client, english, make_proposal):
    assert "0 proposals" in client.get("/proposals", headers=ENGLISH).text
    make_proposal(ProposalStatus.PUBLISHED)
    page = client.get("/proposals", headers=ENGLISH).text
    assert "1 proposal<" in page


@pytest.mark.parametrize(
    "headers",
    [
        {"Accept-Language": "da"},
        {"Accept-Language": "da-DK,da;q=0.9,en;q=0.8"},
        {},
        {"Accept-Language": "de"},
    ],
    ids=["da", "da-first", "no-header", "unsupported"],
)
def test_other_browsers_get_danish_pages(client, english, headers):
    page = client.get("/", headers=headers).text
    assert '<html lang="da">' in page
    assert "Stil et forslag" in page and "Tilgængelighedserklæring" in page
    assert "Submit a proposal" not in page


def test_account_language_wins_over_the_browser(client, english, login, make_user):
    user = login(make_user())
    user.language = "en"
    db.session.commit()
    page = client.get("/", headers={"Accept-Language": "da"}).text
    assert '<html lang="en">' in page
    assert "Submit a proposal" in page and "Log out" in page
    assert "Stil et forslag" not in page

    user.language = "da"
    db.session.commit()
    page = client.get("/", headers=ENGLISH).text
    assert '<html lang="da">' in page and "Log af" in page
