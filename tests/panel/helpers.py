"""Building panel situations for tests: seats, organisations, co-authors, requests, reviews.

Co-authors and organisation members are inserted as rows: their services belong to
another part of the code and are tested there.
"""

import itertools
from datetime import timedelta

from cocreate.accounts.models import Organisation, OrganisationKind, OrganisationMembership
from cocreate.accounts.roles import Role
from cocreate.accounts.services import grant_role
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.panel.models import PanelMember, SeatType
from cocreate.panel.queries import local_today
from cocreate.panel.services import create_panel_review, request_panel_review
from cocreate.proposals.models import CoauthorStatus, ProposalCoauthor

GOOD_SCORES = {"value": 4, "feasibility": 3, "cocreation": 5, "strategy_fit": 2}
_names = itertools.count(1)


def seat(user, seat_type=SeatType.CITIZEN_REPRESENTATIVE, organisation=None) -> PanelMember:
    """Give the account an active seat and the panel role."""
    member = PanelMember(user=user, seat_type=seat_type, organisation=organisation)
    db.session.add(member)
    grant_role(None, user, Role.PANEL_MEMBER)
    db.session.commit()
    return member


def organisation(*members, kind=OrganisationKind.ASSOCIATION) -> Organisation:
    """An organisation with these accounts as its members (who accepted)."""
    n = next(_names)
    found = Organisation(kind=kind, name=f"Forening {n} <b>", cvr=None)
    found.memberships = [
        OrganisationMembership(user_id=user.id, accepted_at=utcnow()) for user in members
    ]
    db.session.add(found)
    db.session.commit()
    return found


def coauthor(proposal, user, status=CoauthorStatus.ACCEPTED) -> ProposalCoauthor:
    row = ProposalCoauthor(
        proposal_id=proposal.id, user_id=user.id, invited_by_id=proposal.author_id, status=status
    )
    db.session.add(row)
    db.session.commit()
    return row


def ask_panel(proposal, requester, days: int = 14):
    """Request the panel's review, due in `days` days."""
    request = request_panel_review(
        proposal, requester, due_date=local_today() + timedelta(days=days)
    )
    db.session.commit()
    return request


def review(proposal, member, scores=None, recommendation="recommend", comment="Godt forslag."):
    made = create_panel_review(
        proposal,
        member.user,
        scores=scores or GOOD_SCORES,
        recommendation=recommendation,
        comment=comment,
    )
    db.session.commit()
    return made
