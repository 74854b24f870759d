"""Open data: the columns of the public proposals files, and the rows read in batches."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from cocreate.core.months import month_text
from cocreate.extensions import db
from cocreate.proposals.models import Proposal

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
BATCH_SIZE = 1000


@dataclass(frozen=True)
class Column:
    """One column of the files: its name, its type, what it means and how it is read."""

    name: str
    kind: str
    description: object
    read: Callable[[Proposal], object]


def _iso(value: datetime | None) -> str | None:
    """A moment as ISO 8601 in UTC, or None."""
    return value.isoformat() if value is not None else None


def _author_name(proposal: Proposal) -> str | None:
    """The author's name only when the account chose to be named in open data."""
    return proposal.author.name if proposal.author.show_name_in_open_data else None


def _date(name: str, description) -> Column:
    return Column(name, "datetime", description, lambda p: _iso(getattr(p, name)))


COLUMNS: list[Column] = [
    Column("id", "integer", _l("Forslagets nummer."), lambda p: p.id),
    Column(
        "url",
        "string",
        _l("Forslagets side."),
        lambda p: url_for("proposals.detail", proposal_id=p.id, _external=True),
    ),
    Column("title", "string", _l("Titel."), lambda p: p.title),
    Column("summary", "string", _l("Resumé."), lambda p: p.summary),
    Column(
        "status",
        "string",
        _l("Forslagets fase, fx published eller answered."),
        lambda p: p.status.value,
    ),
    Column(
        "themes",
        "list",
        _l('Temaernes korte navne (slug); i CSV adskilt af "; ".'),
        lambda p: [link.theme.slug for link in p.theme_links],
    ),
    Column(
        "department",
        "string",
        _l("Den ansvarlige forvaltnings korte navn (slug)."),
        lambda p: p.department.slug if p.department else None,
    ),
    Column(
        "department_name",
        "string",
        _l("Den ansvarlige forvaltnings navn."),
        lambda p: p.department.name if p.department else None,
    ),
    Column(
        "organisation",
        "string",
        _l("Navnet på den organisation, forslaget er stillet for, hvis nogen."),
        lambda p: p.organisation.name if p.organisation else None,
    ),
    Column(
        "author_name",
        "string",
        _l(
            "Forslagsstillerens navn, kun hvis personen har valgt at blive vist med navn "
            "i åbne data; ellers tom."
        ),
        _author_name,
    ),
    _date("created_at", _l("Oprettet.")),
    _date("submitted_at", _l("Indsendt til moderation.")),
    _date("published_at", _l("Offentliggjort.")),
    _date("acknowledged_at", _l("Kvitteret af forvaltningen.")),
    _date("answered_at", _l("Besvaret endeligt.")),
    _date("implemented_at", _l("Gennemført.")),
    _date("acknowledge_due_at", _l("Frist for kvittering.")),
    _date("answer_due_at", _l("Frist for svar.")),
    Column("support_count", "integer", _l("Antal støtter."), lambda p: p.support_count),
    Column("comment_count", "integer", _l("Antal kommentarer."), lambda p: p.comment_count),
    Column(
        "preliminary_answer_at",
        "datetime",
        _l("Tidspunkt for det seneste foreløbige svar, hvis nogen."),
        lambda p: _iso(r.created_at) if (r := p.latest_answer(preliminary=True)) else None,
    ),
    Column(
        "answer_outcome",
        "string",
        _l("Det endelige svars udfald: accepted, partially_accepted, declined eller implemented."),
        lambda p: r.outcome.value if (r := p.final_answer) else None,
    ),
    Column(
        "answer_at",
        "datetime",
        _l("Tidspunkt for det endelige svar."),
        lambda p: _iso(r.created_at) if (r := p.final_answer) else None,
    ),
    Column(
        "answer_text",
        "string",
        _l("Det endelige svars tekst (ren tekst)."),
        lambda p: r.text if (r := p.final_answer) else None,
    ),
    Column(
        "cost_estimate",
        "integer",
        _l(
            "Anslået pris i hele kroner, hvis det endelige svar, der imødekommer forslaget "
            "helt eller delvist, nævner en."
        ),
        lambda p: r.cost_estimate if (r := p.final_acceptance) else None,
    ),
    Column(
        "planned_from",
        "month",
        _l("Første måned (ÅÅÅÅ-MM) i den planlagte periode, som samme svar nævner."),
        lambda p: month_text(r.planned_from) if (r := p.final_acceptance) else None,
    ),
    Column(
        "planned_to",
        "month",
        _l("Sidste måned (ÅÅÅÅ-MM) i den planlagte periode, som samme svar nævner."),
        lambda p: month_text(r.planned_to) if (r := p.final_acceptance) else None,
    ),
]
COLUMN_NAMES = [column.name for column in COLUMNS]


def public_rows(batch_size: int | None = None) -> Iterator[dict]:
    """Every public proposal as a dict of column values, fetched by id in batches."""
    size = batch_size or BATCH_SIZE
    last_id = 0
    while True:
        batch = db.session.scalars(
            select(Proposal)
            .where(Proposal.is_public)
            .options(selectinload(Proposal.theme_links), selectinload(Proposal.responses))
            .where(Proposal.id > last_id)
            .order_by(Proposal.id)
            .limit(size)
        ).all()
        for proposal in batch:
            yield {column.name: column.read(proposal) for column in COLUMNS}
        if len(batch) < size:
            return
        last_id = batch[-1].id
