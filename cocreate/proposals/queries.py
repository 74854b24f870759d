"""Reading proposals: the public list with filters and sorting, and the detail load."""

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from cocreate.calls.models import Call
from cocreate.core.errors import NotFound, ValidationFailed
from cocreate.core.types import LabelledEnum
from cocreate.extensions import db
from cocreate.proposals.lifecycle import PUBLIC_STATUSES, ProposalStatus
from cocreate.proposals.models import Proposal, ProposalTheme
from cocreate.proposals.permissions import can_view_proposal
from cocreate.proposals.search.match import matching, search_words
from cocreate.strategy.models import Department, Theme
from cocreate.strategy.queries import named

Q_MAX = 200
FILTER_NAMES = ("q", "theme", "department", "status", "sort")
# A search's matches are counted up to this; beyond it the list says "more than".
SEARCH_TOTAL_MAX = 1000


class ProposalSort(LabelledEnum):
    BEST_MATCH = "best_match", _l("Bedste match")
    NEWEST = "newest", _l("Nyeste")
    MOST_SUPPORTED = "most_supported", _l("Mest støttede")
    MOST_COMMENTED = "most_commented", _l("Mest kommenterede")


_ORDER = {
    ProposalSort.NEWEST: (Proposal.published_at.desc(), Proposal.id.desc()),
    ProposalSort.MOST_SUPPORTED: (Proposal.support_count.desc(), Proposal.id.desc()),
    ProposalSort.MOST_COMMENTED: (Proposal.comment_count.desc(), Proposal.id.desc()),
}


@dataclass(frozen=True)
class ProposalFilters:
    q: str = ""
    theme: Theme | None = None
    department: Department | None = None
    status: ProposalStatus | None = None
    sort: ProposalSort = ProposalSort.NEWEST
    # A call's page lists the proposals sent to it.
    call: Call | None = None


def _lookup(model, value: str, field: str):
    """Find a theme or department by id or slug; refuse unknown values by field name."""
    found = named(model, value)
    if found is None:
        message = _("Ukendt værdi: %(value)s.", value=value)
        raise ValidationFailed(message, {field: message})
    return found


def parse_filters(args) -> ProposalFilters:
    """Read list filters from query arguments; unknown values raise ValidationFailed."""
    errors = {
        name: _("Indeholder tegn, der ikke er tilladt.")
        for name in FILTER_NAMES
        if "\x00" in (args.get(name) or "")
    }
    if errors:
        raise ValidationFailed(_("Filtrene kunne ikke bruges."), errors)
    q = (args.get("q") or "").strip()
    if len(q) > Q_MAX:
        errors["q"] = _("Søgningen må højst være %(max)d tegn.", max=Q_MAX)
    status = None
    if raw := args.get("status"):
        try:
            status = ProposalStatus(raw)
        except ValueError:
            status = None
        if status not in PUBLIC_STATUSES:
            errors["status"] = _("Ukendt status: %(value)s.", value=raw)
    # With words to search for, the best match comes first unless another order is chosen.
    searching = bool(search_words(q))
    default = ProposalSort.BEST_MATCH if searching else ProposalSort.NEWEST
    try:
        sort = ProposalSort(args.get("sort") or default)
    except ValueError:
        sort = default
        errors["sort"] = _("Ukendt sortering: %(value)s.", value=args.get("sort"))
    if sort == ProposalSort.BEST_MATCH and not searching:
        sort = ProposalSort.NEWEST
    found = {}
    for field, model in (("theme", Theme), ("department", Department)):
        if raw := (args.get(field) or "").strip():
            try:
                found[field] = _lookup(model, raw, field)
            except ValidationFailed as error:
                errors.update(error.fields)
    if errors:
        raise ValidationFailed(_("Filtrene kunne ikke bruges."), errors)
    return ProposalFilters(q=q, status=status, sort=sort, **found)


def public_proposals(filters: ProposalFilters) -> Select:
    """Public proposals matching the filters, in the chosen order, with what lists show."""
    statement = select(Proposal).options(selectinload(Proposal.theme_links))
    statement, rank = narrowed(statement, filters)
    if rank is not None and filters.sort == ProposalSort.BEST_MATCH:
        return statement.order_by(rank, *_ORDER[ProposalSort.NEWEST])
    return statement.order_by(*_ORDER.get(filters.sort, _ORDER[ProposalSort.NEWEST]))


def count_by_status(filters: ProposalFilters) -> dict[ProposalStatus, int]:
    """How many public proposals match the filters in each state, in one query."""
    statement = select(Proposal.status, func.count()).group_by(Proposal.status)
    return dict(db.session.execute(narrowed(statement, filters)[0]).all())


def narrowed(statement: Select, filters: ProposalFilters) -> tuple[Select, object]:
    """The statement narrowed to the public proposals the filters let through, and how
    well each matches the search (None without one): the one rule for lists and counts."""
    statement = statement.where(Proposal.hidden_at.is_(None))
    if filters.status is not None:
        statement = statement.where(Proposal.status == filters.status)
    else:
        statement = statement.where(Proposal.status.in_(PUBLIC_STATUSES))
    if filters.theme is not None:
        on_theme = select(ProposalTheme.proposal_id).where(
            ProposalTheme.theme_id == filters.theme.id
        )
        statement = statement.where(Proposal.id.in_(on_theme))
    if filters.department is not None:
        statement = statement.where(Proposal.department_id == filters.department.id)
    if filters.call is not None:
        statement = statement.where(Proposal.call_id == filters.call.id)
    if search_words(filters.q):
        return matching(statement, filters.q)
    return statement, None


def total_max(filters: ProposalFilters) -> int | None:
    """How far the list's matches are counted: up to a cap when searching, else all."""
    return SEARCH_TOTAL_MAX if search_words(filters.q) else None


def authored_by(user) -> Select:
    """The account's own proposals in every state, newest change first."""
    return (
        select(Proposal)
        .options(selectinload(Proposal.theme_links))
        .where(Proposal.author_id == user.id)
        .order_by(Proposal.updated_at.desc(), Proposal.id.desc())
    )


def visible_proposal(proposal_id: int, viewer) -> Proposal:
    """The proposal with what its page shows, if the viewer may know it exists.

    The one way site and API load a proposal for someone: a proposal the viewer may not
    see is as good as not there, so it is NotFound (404) just like a missing one.
    """
    proposal = load_proposal(proposal_id)
    if proposal is None or not can_view_proposal(viewer, proposal):
        raise NotFound(_("Forslaget findes ikke."))
    return proposal


def load_proposal(proposal_id: int) -> Proposal | None:
    """Load one proposal with everything its page and history show, in a fixed number of queries."""
    return db.session.scalar(
        select(Proposal)
        .where(Proposal.id == proposal_id)
        .options(
            selectinload(Proposal.theme_links),
            selectinload(Proposal.status_changes),
            selectinload(Proposal.routings),
            selectinload(Proposal.responses),
        )
    )
