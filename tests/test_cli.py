"""The command line an administrator sets the platform up with: create-user and api-token."""

import pytest
from sqlalchemy import func, select

from cocreate.accounts.models import OrganisationKind, User
from cocreate.accounts.roles import Role
from cocreate.extensions import db
from cocreate.panel.models import PanelMember, SeatType
from cocreate.panel.services import create_panel_review
from cocreate.proposals.lifecycle import ProposalStatus
from tests.panel.helpers import GOOD_SCORES, ask_panel

PASSWORD = "en lang nok adgangskode"


def create_user(runner, email, *options):
    return runner.invoke(args=["create-user", email, "--password", PASSWORD, *options])


def accounts() -> int:
    return db.session.scalar(select(func.count(User.id)))


def test_a_panel_member_made_on_the_command_line_can_review(runner, make_proposal, make_user):
    """Tried as an administrator setting up the panel: role and seat are one thing."""
    result = create_user(runner, "panel@kommune.dk", "--role", "panel_member")
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.email == "panel@kommune.dk"))
    (member,) = db.session.scalars(select(PanelMember).where(PanelMember.user_id == user.id))
    assert (member.active, member.seat_type) == (True, SeatType.CITIZEN_REPRESENTATIVE)
    assert user.has_role(Role.PANEL_MEMBER)

    proposal = make_proposal(ProposalStatus.PUBLISHED)
    ask_panel(proposal, make_user(Role.MODERATOR))
    review = create_panel_review(
        proposal, user, scores=GOOD_SCORES, recommendation="recommend", comment="Godt."
    )
    assert review.member_id == member.id


def test_a_seat_for_an_organisation(runner, make_organisation):
    business = make_organisation(kind=OrganisationKind.BUSINESS)
    result = create_user(
        runner,
        "erhverv@kommune.dk",
        *("--role", "panel_member", "--seat", "business", "--organisation", str(business.id)),
    )
    assert result.exit_code == 0, result.output
    member = db.session.scalar(select(PanelMember).order_by(PanelMember.id.desc()))
    assert (member.seat_type, member.organisation_id) == (SeatType.BUSINESS, business.id)


@pytest.mark.parametrize(
    ("options", "says"),
    [
        (("--role", "panel_member", "--seat", "business", "--organisation", "999"), "organisation"),
        (("--role", "panel_member", "--seat", "chairman"), "--seat"),
        (("--seat", "business"), "--role panel_member"),
        (("--role", "moderator", "--department", "nowhere"), "nowhere"),
        (("--role", "nobody"), "--role"),
    ],
)
def test_bad_options_exit_with_the_reason_and_create_nothing(runner, options, says):
    before = accounts()
    result = create_user(runner, "nobody@kommune.dk", *options)
    assert result.exit_code != 0
    assert says.lower() in result.output.lower()
    assert accounts() == before
    assert db.session.scalar(select(func.count(PanelMember.id))) == 0


def test_a_seat_of_the_wrong_kind_is_refused_by_name(runner, make_organisation):
    association = make_organisation(kind=OrganisationKind.ASSOCIATION)
    result = create_user(
        runner,
        "forkert@kommune.dk",
        *("--role", "panel_member", "--seat", "business", "--organisation", str(association.id)),
    )
    assert result.exit_code != 0 and "erhvervsliv" in result.output.lower()
    assert accounts() == 1  # the association's founder only


def test_api_token_prints_the_token_alone_on_the_last_line(runner, client, make_user):
    user = make_user()
    result = runner.invoke(args=["api-token", user.email])
    assert result.exit_code == 0, result.output
    secret = result.output.strip().splitlines()[-1]
    mine = client.get("/api/v1/moderation/queue", headers={"Authorization": f"Bearer {secret}"})
    assert mine.status_code == 403  # known, and not a moderator
    wrong = client.get("/api/v1/moderation/queue", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
