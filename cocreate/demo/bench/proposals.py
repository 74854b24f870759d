"""One benchmark proposal: who wrote it about what, its history, and what others did."""

from datetime import timedelta

from cocreate.demo.bench import engagement, panel
from cocreate.demo.bench.bench import Bench
from cocreate.demo.bench.phrases import EVERYTHING
from cocreate.demo.bench.plan import Planner
from cocreate.demo.bench.record import Record
from cocreate.demo.bench.words import TOPICS
from cocreate.proposals.lifecycle import ProposalStatus

FOR_AN_ORGANISATION = 0.06
BY_A_PANEL_MEMBER = 0.01
THEMES = (1, 2, 3)
THEME_WEIGHTS = (70, 25, 5)


def _author(bench: Bench) -> tuple[int, int | None]:
    """The author, and the organisation they propose for, if any."""
    if bench.chance(FOR_AN_ORGANISATION):
        organisation = bench.rng.choice(bench.cast.organisations)
        return bench.rng.choice(organisation.member_ids), organisation.id
    if bench.chance(BY_A_PANEL_MEMBER):
        return bench.rng.choice(bench.cast.seats).user_id, None
    return bench.citizen(), None


def write_proposal(bench: Bench, fate: ProposalStatus) -> Record:
    rng, book = bench.rng, bench.book
    how_many = rng.choices(THEMES, THEME_WEIGHTS)[0]
    themes = rng.sample(bench.themes, min(how_many, len(bench.themes)))
    department = bench.owner(themes[0])
    topic = book.focus(TOPICS.get(department.slug, EVERYTHING))
    planner = Planner(bench, topic, department)
    days_ago = planner.to(fate)
    begun = bench.now - timedelta(days=days_ago + planner.script.days)
    author_id, organisation_id = _author(bench)
    body, body_html = book.body(topic)
    record = Record(
        bench.rows,
        begun,
        author_id=author_id,
        theme_ids=[theme.id for theme in themes],
        title=book.title(topic),
        summary=book.summary(topic),
        body=body,
        body_html=body_html,
        organisation_id=organisation_id,
    )
    # The author follows what they write from the first draft.
    engagement.follow(bench, record, author_id, begun)
    planner.script.play(record, begun)
    coauthor_id = engagement.invite_coauthor(bench, record)
    engagement.comment(bench, record, topic)
    engagement.support(bench, record, coauthor_id)
    panel.review(bench, record, topic)
    return record
