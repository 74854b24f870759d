"""Public proposals written straight to the database, many at a time, for the similar-
proposal tests: the lifecycle's own steps are tested elsewhere and would take minutes here."""

import pytest

from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Proposal


@pytest.fixture
def add_public(make_user):
    """Add a published proposal with this title and summary; its id (committed, so indexed)."""
    author = make_user()

    def _add(text, status=ProposalStatus.PUBLISHED) -> int:
        proposal = Proposal(
            title=text.title,
            summary=text.summary,
            body="",
            body_html="",
            status=status,
            author=author,
        )
        db.session.add(proposal)
        db.session.commit()
        return proposal.id

    return _add
