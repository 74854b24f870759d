"""The list of public proposals as a page shows it: its filters read from the query, a page
of what they let through, and where each matches the search. The proposals page and a
call's page list alike."""

from dataclasses import dataclass, replace

from flask import current_app, request

from cocreate.core.errors import DomainError
from cocreate.core.pagination import Page, paginate, requested_page
from cocreate.proposals.lifecycle import PUBLIC_STATUSES, ProposalStatus
from cocreate.proposals.queries import (
    ProposalFilters,
    ProposalSort,
    parse_filters,
    public_proposals,
    total_max,
)
from cocreate.proposals.search.passage import found_in


@dataclass(frozen=True)
class Listing:
    filters: ProposalFilters
    errors: dict[str, str]
    page: Page

    @property
    def status(self) -> int:
        """400 when a filter could not be used (the page then lists without filters)."""
        return 400 if self.errors else 200

    def context(self) -> dict:
        """What the list's template (proposals/_filtered_list.html) is given."""
        found = self.page.items if self.filters.q else []
        return {
            "page": self.page,
            "filters": self.filters,
            "errors": self.errors,
            "found": {proposal.id: found_in(proposal, self.filters.q) for proposal in found},
            "sorts": list(ProposalSort),
            "public_statuses": sorted(PUBLIC_STATUSES, key=list(ProposalStatus).index),
        }


def listing(**narrowed) -> Listing:
    """The filters of the request's query, narrowed further (e.g. call=...), and their page."""
    errors = {}
    try:
        filters = parse_filters(request.args)
    except DomainError as error:
        errors, filters = error.fields, ProposalFilters()
    filters = replace(filters, **narrowed)
    page = paginate(
        public_proposals(filters),
        requested_page(),
        current_app.config["PER_PAGE"],
        total_max(filters),
    )
    return Listing(filters, errors, page)
