"""Fixtures for the panel: members and a published proposal the panel has been asked about."""

import pytest

from cocreate.accounts.roles import Role
from cocreate.proposals.lifecycle import ProposalStatus
from tests.panel.helpers import ask_panel, seat


@pytest.fixture
def moderator(make_user):
    return make_user(Role.MODERATOR)


@pytest.fixture
def make_member(make_user):
    """A fresh account with an active seat on the panel."""

    def _make(**kw):
        return seat(make_user(), **kw)

    return _make


@pytest.fixture
def requested(make_proposal, moderator):
    """A published proposal that the panel has been asked to review."""
    proposal = make_proposal(ProposalStatus.PUBLISHED)
    ask_panel(proposal, moderator)
    return proposal
