"""The demo's content files: what they may say, and how a mistake in one is reported."""

import re
import shutil

import pytest
from sqlalchemy import func, select

from cocreate.demo import data
from cocreate.demo.data import CONTENT, ContentError, demo_content, read_content
from cocreate.demo.story import STEPS, Answer, Submit
from cocreate.proposals.models import Outcome
from cocreate.strategy.models import Department

PROPOSAL = """
[[proposal]]
title = "Længere åbent i borgerservice om torsdagen"
author = "mette.holm"
themes = ["borgervenlig-betjening"]
summary = "Åbent til kl. 19 om torsdagen."
body = "Mange af os arbejder til kl. 17."

[[proposal.story]]
step = "submit"
days_ago = 20
"""
WHERE = "proposals/staben.toml, proposal 1 «Længere åbent i borgerservice om torsdagen»"


@pytest.fixture
def content(tmp_path):
    """A copy of the demo's content whose Staben file holds one proposal and `extra`."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)

    def _content(extra: str = ""):
        (folder / "proposals" / "staben.toml").write_text(PROPOSAL + extra, encoding="utf-8")
        return folder

    return _content


def test_a_proposal_is_built_with_its_steps_and_their_enums(content):
    answer = (
        '[[proposal.story]]\nstep = "answer"\ndays_ago = 10\noutcome = "accepted"\ntext = "Ja."'
    )

    proposals = read_content(content(answer)).proposals

    (proposal,) = [p for p in proposals if p.title.startswith("Længere åbent")]
    assert proposal.story == (Submit(20), Answer(10, Outcome.ACCEPTED, "Ja."))
    assert proposal.themes == ("borgervenlig-betjening",)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            '[[proposal.story]]\nstep = "aprove"\ndays_ago = 18',
            f"{WHERE}, story 2: unknown step 'aprove'; the steps are 'accept', ",
        ),
        (
            "[[proposal.story]]\ndays_ago = 18",
            f"{WHERE}, story 2: no step name; the steps are 'accept', ",
        ),
        (
            '[[proposal.engagement]]\nstep = "support"\ndays_ago = 5\ncount = 2\ncolour = "red"',
            f"{WHERE}, engagement 1 (support): unknown field 'colour'; "
            "the fields are 'days_ago', 'count'",
        ),
        (
            '[[proposal.story]]\nstep = "answer"\ndays_ago = 10\ntext = "Ja."',
            f"{WHERE}, story 2 (answer): missing field 'outcome'",
        ),
        (
            '[[proposal.story]]\nstep = "answer"\ndays_ago = 10\noutcome = "yes"\ntext = "Ja."',
            f"{WHERE}, story 2 (answer), outcome: 'yes' is none of 'under_review', 'accepted', ",
        ),
        (
            '[[proposal.story]]\nstep = "approve"\ndays_ago = "18"',
            f"{WHERE}, story 2 (approve), days_ago: expected a whole number, not '18'",
        ),
        (
            '[[proposal.engagement]]\nstep = "follow"\ndays_ago = 5\naccounts = "ole.madsen"',
            f"{WHERE}, engagement 1 (follow), accounts: expected a list, not 'ole.madsen'",
        ),
        ("[[proposals]]", "proposals/staben.toml: unknown table 'proposals'; "),
    ],
)
def test_a_mistake_names_the_file_the_proposal_and_the_field(content, extra, message):
    with pytest.raises(ContentError, match=re.escape(message)):
        read_content(content(extra))


def test_a_missing_field_of_the_proposal_itself_is_named(content):
    folder = content()
    staben = folder / "proposals" / "staben.toml"
    staben.write_text(staben.read_text().replace('author = "mette.holm"\n', ""))

    with pytest.raises(ContentError, match=re.escape(f"{WHERE}: missing field 'author'")):
        read_content(folder)


def test_a_proposals_file_must_be_named_by_a_department(content):
    folder = content()
    (folder / "proposals" / "staben.toml").rename(folder / "proposals" / "stab.toml")

    with pytest.raises(
        ContentError, match=re.escape("proposals/stab.toml: no department has the slug")
    ):
        read_content(folder)


def test_seed_demo_stops_at_a_bad_file_and_writes_nothing(runner, db, content, monkeypatch):
    monkeypatch.setattr(data, "CONTENT", content('[[proposal.story]]\nstep = "aprove"'))
    demo_content.cache_clear()
    try:
        result = runner.invoke(args=["seed-demo"])
    finally:
        demo_content.cache_clear()

    assert result.exit_code == 1
    assert f"{WHERE}, story 2: unknown step 'aprove'" in result.output
    assert db.session.scalar(select(func.count()).select_from(Department)) == 0


def test_the_readme_explains_every_step():
    readme = (CONTENT / "README.md").read_text(encoding="utf-8")

    assert all(f"| `{name}` |" in readme for name in STEPS)
