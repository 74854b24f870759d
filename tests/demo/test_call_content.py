"""The demo's calls in its content files: what they may say, and how a mistake is reported."""

import re
import shutil
from dataclasses import fields
from datetime import time

import pytest
from sqlalchemy import func, select

from cocreate.demo import data
from cocreate.demo.data import CONTENT, ContentError, demo_content, read_content
from cocreate.demo.data.calls import DemoCall
from cocreate.strategy.models import Department

OPEN = "calls.toml, call 1 «Hvordan gør vi skolevejen tryg?»"
PROPOSAL = """
[[proposal]]
title = "Selvbetjening med en hjælper ved siden af"
author = "mette.holm"
call = "borgerservice"
themes = ["borgervenlig-betjening"]
summary = "En hjælper ved skærmene i Borgerservice."
body = "Så kan man prøve selv og få hjælp, hvis det går i stå."
"""
WHERE = "proposals/staben.toml, proposal 1 «Selvbetjening med en hjælper ved siden af»"
# The answered call of the content takes proposals from 157 to 119 days ago.
TAKES = "the call 'borgerservice' takes proposals"


def steps(*story: tuple[str, int]) -> str:
    return "".join(
        f'\n[[proposal.story]]\nstep = "{name}"\ndays_ago = {days}\n'
        + ('note = "Skriv mere."\n' if name == "request_changes" else "")
        for name, days in story
    )


@pytest.fixture
def content(tmp_path):
    """A copy of the demo's content with calls.toml changed by (old, new) replacements and a
    Staben file that holds one proposal to the answered call, with `story`."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)

    def _content(*replacements: tuple[str, str], story: str = steps(("submit", 140))):
        calls = (folder / "calls.toml").read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in calls, old
            calls = calls.replace(old, new, 1)
        (folder / "calls.toml").write_text(calls, encoding="utf-8")
        (folder / "proposals" / "staben.toml").write_text(PROPOSAL + story, encoding="utf-8")
        return folder

    return _content


def test_a_call_is_read_with_its_time_of_day_and_a_proposal_with_its_call(content):
    read = read_content(content())

    assert [call.key for call in read.calls] == [
        "skolevejen",
        "ensomhed",
        "foreningslivet",
        "borgerservice",
    ]
    assert read.calls[1].time_of_day == time(9)
    (proposal,) = [p for p in read.proposals if p.title.startswith("Selvbetjening")]
    assert proposal.call == "borgerservice"


@pytest.mark.parametrize(
    ("replacement", "message"),
    [
        (
            (
                '"den-netvaerksorienterede-by", "laering',
                '"den-netvaerksorienterede-byen", "laering',
            ),
            f"{OPEN}, themes: no theme has the slug 'den-netvaerksorienterede-byen'; the themes ",
        ),
        (
            ('["den-netvaerksorienterede-by", "laering-og-uddannelse"]', "[]"),
            f"{OPEN}, themes: no theme is named; the themes are 'laering-og-uddannelse', ",
        ),
        (
            ('department = "teknik-og-miljo"', 'department = "teknik"'),
            f"{OPEN}, department: no department has the slug 'teknik'; the departments are ",
        ),
        (
            ('started_by = "teknik"', 'started_by = "tekniker"'),
            f"{OPEN}, started_by: no account is called 'tekniker'",
        ),
        (
            ('started_by = "teknik"', 'started_by = "born"'),
            f"{OPEN}, started_by: 'born' is neither an admin nor staff of 'teknik-og-miljo'",
        ),
        (
            ('key = "ensomhed"', 'key = "skolevejen"'),
            "calls.toml, call 2 «Ingen skal sidde alene: idéer mod ensomhed blandt ældre», key: "
            "another call has the key 'skolevejen'",
        ),
        (
            ("closes_days_ago = -18", "closes_days_ago = 12"),
            f"{OPEN}: it must open before it closes",
        ),
        (
            ("opens_days_ago = 12", "opens_days_ago = 0"),
            f"{OPEN}: it opens or closes on the day the demo is loaded",
        ),
        (
            ("closes_days_ago = -18", "closes_days_ago = 0"),
            f"{OPEN}: it opens or closes on the day the demo is loaded",
        ),
        (
            ("published_days_ago = 19", "published_days_ago = -18"),
            f"{OPEN}, published_days_ago: it must be published before it closes",
        ),
        (
            ("answers_by_days_ago = -75", "answers_by_days_ago = -17"),
            f"{OPEN}, answers_by_days_ago: answers cannot be promised before the call closes",
        ),
        (
            ("time_of_day = 12:00:00", 'time_of_day = "12:00"'),
            f"{OPEN}, time_of_day: expected a time of day such as 12:00:00, not '12:00'",
        ),
        (
            ('key = "skolevejen"', 'key = "skolevejen"\ncolour = "red"'),
            f"{OPEN}: unknown field 'colour'; the fields are 'key', 'title', ",
        ),
    ],
)
def test_a_mistake_in_a_call_names_the_file_the_call_and_the_field(content, replacement, message):
    with pytest.raises(ContentError, match=re.escape(message)):
        read_content(content(replacement))


@pytest.mark.parametrize(
    ("story", "message"),
    [
        (
            steps(("submit", 158)),
            f"{WHERE}, story 1 (submit): 158 days ago is not a day that {TAKES}",
        ),
        (
            steps(("submit", 118)),
            f"{WHERE}, story 1 (submit): 118 days ago is not a day that {TAKES}",
        ),
        (
            steps(("draft", 160), ("submit", 150)),
            f"{WHERE}, story 1 (draft): 160 days ago is not a day that {TAKES}; that is after "
            "the day it opens (158 days ago) and before the day it closes (118 days ago)",
        ),
        (
            steps(("draft", 150), ("submit", 117)),
            f"{WHERE}, story 2 (submit): 117 days ago is not a day that {TAKES}",
        ),
    ],
)
def test_a_proposal_written_or_sent_outside_its_call_s_days_is_refused(content, story, message):
    with pytest.raises(ContentError, match=re.escape(message)):
        read_content(content(story=story))


def test_a_proposal_sent_in_time_may_be_sent_again_after_changes_when_the_call_has_closed(
    content,
):
    story = steps(("draft", 157), ("submit", 119), ("request_changes", 118), ("submit", 100))

    read = read_content(content(story=story))

    assert any(p.title.startswith("Selvbetjening") for p in read.proposals)


def test_a_proposal_to_an_unknown_call_is_refused(content):
    folder = content()
    staben = folder / "proposals" / "staben.toml"
    staben.write_text(staben.read_text().replace('call = "borgerservice"', 'call = "borger"'))

    with pytest.raises(
        ContentError,
        match=re.escape(
            f"{WHERE}, call: no call has the key 'borger'; the calls are 'skolevejen', "
            "'ensomhed', 'foreningslivet', 'borgerservice'"
        ),
    ):
        read_content(folder)


def test_seed_demo_stops_at_a_bad_call_and_writes_nothing(runner, db, content, monkeypatch):
    monkeypatch.setattr(data, "CONTENT", content(('department = "teknik-og-miljo"', "")))
    demo_content.cache_clear()
    try:
        result = runner.invoke(args=["seed-demo"])
    finally:
        demo_content.cache_clear()

    assert result.exit_code == 1
    assert f"{OPEN}: missing field 'department'" in result.output
    assert db.session.scalar(select(func.count()).select_from(Department)) == 0


def test_the_readme_explains_every_field_of_a_call_and_the_call_of_a_proposal():
    readme = (CONTENT / "README.md").read_text(encoding="utf-8")

    assert all(f"\n{field.name} = " in readme for field in fields(DemoCall))
    assert '\ncall = "' in readme
