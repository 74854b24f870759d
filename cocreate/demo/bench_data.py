"""`cocreate bench-data`: many public proposals, written in bulk, for benchmarks."""

import random
from datetime import timedelta

import click
from flask.cli import with_appcontext
from sqlalchemy import func, insert, select

from cocreate.accounts.models import User
from cocreate.core.sanitize import render_markdown
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.lifecycle import Action, ProposalStatus, StatusChange
from cocreate.proposals.models import Proposal, ProposalTheme
from cocreate.strategy.models import Theme

S = ProposalStatus
PUBLIC_MIX = [S.PUBLISHED] * 4 + [S.UNDER_REVIEW] * 3 + [S.ACCEPTED, S.DECLINED, S.IMPLEMENTED]
WORDS = [
    "cykelsti",
    "legeplads",
    "bibliotek",
    "ældrecenter",
    "busrute",
    "skolevej",
    "grønne",
    "områder",
    "affald",
    "sorteres",
    "fritidsklub",
    "borgerservice",
    "naboskab",
    "sundhed",
    "praktikplads",
    "foreningsliv",
    "bænke",
    "belysning",
    "lektiecafé",
    "motion",
    "frivillige",
    "trafik",
]
BATCH = 1000


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


@click.command("bench-data")
@click.option("--proposals", "count", default=10_000, show_default=True, help="How many to add.")
@click.option("--seed", default=1, show_default=True, help="Random seed, for repeatable data.")
@with_appcontext
def bench_data_command(count: int, seed: int) -> None:
    """Add COUNT public proposals with their history, in bulk (needs seed-demo first)."""
    themes = list(db.session.scalars(select(Theme)))
    if not themes:
        raise click.ClickException("Ingen temaer: kør `cocreate seed-demo` først.")
    author_ids = _bench_authors(50)
    rng = random.Random(seed)
    body_html = render_markdown(
        "En længere beskrivelse af forslaget.\n\n- med en liste\n- og links"
    )
    start = (db.session.scalar(select(func.max(Proposal.id))) or 0) + 1
    now = utcnow()
    for offset in range(0, count, BATCH):
        proposals, links, changes = [], [], []
        for number in range(start + offset, start + min(offset + BATCH, count)):
            theme = rng.choice(themes)
            published = now - timedelta(minutes=number)
            status = rng.choice(PUBLIC_MIX)
            proposals.append(
                {
                    "id": number,
                    "title": _text(rng, 6)[:150],
                    "summary": _text(rng, 30),
                    "body": "En længere beskrivelse af forslaget.",
                    "body_html": body_html,
                    "status": status,
                    "author_id": rng.choice(author_ids),
                    "department_id": theme.department_id,
                    "created_at": published,
                    "updated_at": published,
                    "status_changed_at": published,
                    "submitted_at": published,
                    "published_at": published,
                    "routed_at": published,
                    "acknowledge_due_at": published + timedelta(days=10),
                    "answer_due_at": published + timedelta(days=60),
                    "support_count": rng.randrange(0, 300),
                    "comment_count": rng.randrange(0, 40),
                    "version": 1,
                }
            )
            links.append({"proposal_id": number, "theme_id": theme.id, "position": 0})
            changes.append(
                {
                    "proposal_id": number,
                    "action": Action.APPROVE,
                    "from_status": S.SUBMITTED,
                    "to_status": S.PUBLISHED,
                    "reason": "",
                    "created_at": published,
                }
            )
        db.session.execute(insert(Proposal), proposals)
        db.session.execute(insert(ProposalTheme), links)
        db.session.execute(insert(StatusChange), changes)
        db.session.commit()
    _reset_sequence()
    click.echo(f"Tilføjede {count} offentlige forslag.")


def _bench_authors(how_many: int) -> list[int]:
    """Accounts that can never log in (no usable password), made once."""
    emails = [f"bench{n}@bench.cocreate.dk" for n in range(how_many)]
    existing = set(db.session.scalars(select(User.email).where(User.email.in_(emails))))
    missing = [
        {"email": e, "name": f"Testborger {e[5:].split('@')[0]}", "password_hash": "!"}
        for e in emails
        if e not in existing
    ]
    if missing:
        now = utcnow()
        rows = [{**row, "confirmed_at": now, "created_at": now} for row in missing]
        db.session.execute(insert(User), rows)
        db.session.commit()
    return list(db.session.scalars(select(User.id).where(User.email.in_(emails))))


def _reset_sequence() -> None:
    """Explicit ids bypass PostgreSQL's sequence; move it past them."""
    if db.engine.dialect.name == "postgresql":
        db.session.execute(
            func.setval(
                func.pg_get_serial_sequence("proposal", "id"),
                select(func.max(Proposal.id)).scalar_subquery(),
            ).select()
        )
        db.session.commit()
