"""The organisation pages, the staff's verification queue, and proposing for an organisation."""

import re

import pytest
from markupsafe import escape
from sqlalchemy import select

from cocreate.accounts.models import Organisation, OrganisationKind, OrganisationMembership
from cocreate.accounts.roles import Role
from cocreate.core.audit import AuditEntry
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Proposal
from tests.accounts.markup import check_page
from tests.organisations.helpers import count, invite

BUSINESS = OrganisationKind.BUSINESS


def text(response) -> str:
    return response.get_data(as_text=True)


def members_listed(page: str) -> str:
    """The names in the organisation page's list of members."""
    return re.search(r'<th scope="row">Medlemmer</th><td>(.*?)</td>', page).group(1)


def test_registering_needs_an_account(client):
    for response in (client.get("/organisations/new"), client.get("/organisations")):
        assert response.status_code == 302 and "/login" in response.location


def test_register_a_business_and_see_its_page(client, login, make_user):
    founder = login(make_user())
    response = client.post(
        "/organisations/new",
        data={"kind": "business", "name": "Bageriet <b>ApS</b>", "cvr": "2425 6790"},
    )
    organisation = db.session.scalar(select(Organisation))
    assert response.status_code == 302
    assert response.location.endswith(f"/organisations/{organisation.id}")

    page = text(client.get(response.location))
    assert "Bageriet &lt;b&gt;ApS&lt;/b&gt;" in page and "<b>ApS" not in page
    assert "Virksomhed" in page and "24256790" in page
    assert 'class="badge">Ikke verificeret<' in page
    assert str(escape(founder.name)) in page and "<script>" not in page
    mine = text(client.get("/organisations"))
    assert "Mine organisationer" in mine and "Bageriet &lt;b&gt;ApS&lt;/b&gt;" in mine


def test_a_wrong_check_digit_is_shown_on_the_form_and_nothing_is_created(client, login, make_user):
    login(make_user())
    response = client.post(
        "/organisations/new", data={"kind": "business", "name": "Firma", "cvr": "24256791"}
    )
    page = text(response)
    assert response.status_code == 200
    assert "Der er problemer" in page and "kontrolcifferet" in page
    assert 'value="Firma"' in page
    assert count(Organisation) == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "Klub"}, "Vælg forening eller virksomhed."),
        ({"kind": "club", "name": "Klub"}, "Vælg en af mulighederne."),
        ({"kind": "association", "name": ""}, "Skriv organisationens navn."),
    ],
)
def test_bad_input_on_the_form(client, login, make_user, data, message):
    login(make_user())
    response = client.post("/organisations/new", data=data)
    assert response.status_code == 200 and message in text(response)
    assert count(Organisation) == 0


def test_anyone_sees_the_page_with_members_and_public_proposals(
    client, make_organisation, make_user, make_proposal
):
    members = [make_user(name="Anna Andersen"), make_user(name="Bo Berg")]
    organisation = make_organisation(BUSINESS, members=members, verified=True)
    public = make_proposal(ProposalStatus.PUBLISHED, author=members[0], organisation=organisation)
    draft = make_proposal(ProposalStatus.DRAFT, author=members[0], organisation=organisation)
    draft.title = "Hemmelig kladde"
    db.session.commit()

    page = text(client.get(f"/organisations/{organisation.id}"))
    assert "Anna Andersen" in page and "Bo Berg" in page
    assert organisation.cvr in page
    assert 'class="badge badge-success">Verificeret<' in page
    assert str(escape(public.title)) in page and "Hemmelig kladde" not in page
    assert "Invitér et medlem" not in page and "Verificér" not in page
    assert client.get("/organisations/999999").status_code == 404


def test_a_member_invites_an_account_and_learns_of_bad_addresses(
    client, login, make_organisation, make_user
):
    founder, member, other = make_user(), make_user(name="Mads Holm"), make_user(name="Carla")
    organisation = make_organisation(members=[founder, member])
    unconfirmed = make_user(email="ny@example.dk")
    unconfirmed.confirmed_at = None
    db.session.commit()
    login(founder)
    path = f"/organisations/{organisation.id}/members"

    response = client.post(path, data={"email": other.email}, follow_redirects=True)
    assert "Carla er inviteret og bliver medlem, når vedkommende har sagt ja" in text(response)
    db.session.expire_all()
    assert [m.user_id for m in organisation.members] == [founder.id, member.id]

    for email, message in [
        ("ukendt@example.dk", "Der findes ingen konto med e-mailadressen ukendt@example.dk."),
        ("ny@example.dk", "Der findes ingen konto med e-mailadressen ny@example.dk."),
        (member.email, "Mads Holm er allerede medlem."),
        (other.email, "Carla er allerede inviteret."),
    ]:
        response = client.post(path, data={"email": email})
        page = text(response)
        assert response.status_code == 400 and message in page
        assert check_page(page)["email"]["aria-invalid"] == "true"
    assert count(OrganisationMembership) == 3
    assert count(AuditEntry) == 4  # registered, the member invited and accepted, Carla invited


def test_an_invitee_is_not_shown_and_acts_for_no_one_until_saying_yes(
    client, login, make_organisation, make_user
):
    organisation = make_organisation(name="Grundejerforeningen")
    invitee = make_user(name="Carla Nielsen")
    invite(organisation, invitee)
    public = f"/organisations/{organisation.id}"
    assert "Carla Nielsen" not in text(client.get(public))

    login(invitee)
    assert "Carla Nielsen" not in members_listed(text(client.get(public)))
    assert "Grundejerforeningen" not in text(client.get("/proposals/new"))
    mine = text(client.get("/organisations"))
    assert "1 organisation har inviteret dig" in mine and 'href="/my/invitations"' in mine
    assert "Du er ikke medlem af nogen organisation endnu." in mine
    listed = text(client.get("/my/invitations"))
    check_page(listed)
    assert "Invitationer fra organisationer" in listed and "Grundejerforeningen" in listed
    assert f'action="/organisations/{organisation.id}/invitation/accept"' in listed
    assert "Du er inviteret til at blive medlem" in text(client.get(public))
    forbidden = client.post(f"{public}/members", data={"email": make_user().email})
    assert forbidden.status_code == 403

    response = client.post(f"{public}/invitation/accept", follow_redirects=True)
    page = text(response)
    assert "Du er nu medlem af Grundejerforeningen." in page
    assert "Carla Nielsen" in members_listed(page)
    assert "Invitér et medlem" in page and "Du er inviteret" not in page
    assert "Ingen organisationer har inviteret dig." in text(client.get("/my/invitations"))
    assert f'value="{organisation.id}">Grundejerforeningen' in text(client.get("/proposals/new"))


def test_an_invitee_declines_and_the_invitation_is_gone(
    client, login, make_organisation, make_user
):
    organisation, invitee = make_organisation(name="Byens Cykler"), login(make_user())
    invite(organisation, invitee)
    path = f"/organisations/{organisation.id}/invitation"

    response = client.post(f"{path}/decline")
    assert response.status_code == 302 and response.location.endswith("/my/invitations")
    page = text(client.get(response.location))
    assert "Du har takket nej til at blive medlem af Byens Cykler." in page
    assert "Ingen organisationer har inviteret dig." in page
    assert count(OrganisationMembership) == 1
    # Nothing is left to answer: the next click is refused and says why.
    response = client.post(f"{path}/accept", follow_redirects=True)
    assert "Du har ingen åben invitation fra denne organisation." in text(response)
    assert count(OrganisationMembership) == 1


def test_strangers_neither_invite_nor_leave(client, login, make_organisation, make_user):
    organisation, stranger = make_organisation(), login(make_user())
    path = f"/organisations/{organisation.id}"
    assert client.post(f"{path}/members", data={"email": stranger.email}).status_code == 403
    assert client.post(f"{path}/leave").status_code == 403
    assert len(organisation.memberships) == 1


def test_a_member_leaves(client, login, make_organisation, make_user):
    founder, other = make_user(), make_user()
    organisation = make_organisation(members=[founder, other])
    login(other)
    response = client.post(f"/organisations/{organisation.id}/leave")
    assert response.status_code == 302 and response.location.endswith("/organisations")
    db.session.expire_all()
    assert [m.user_id for m in organisation.memberships] == [founder.id]


def test_the_verification_queue_is_for_staff_only(client, login, make_organisation, make_user):
    waiting = make_organisation(BUSINESS)
    path = f"/organisations/{waiting.id}/verify"
    assert client.get("/organisations/verify").status_code == 302  # to the login page
    for someone in (make_user(), make_user(Role.DEPARTMENT_STAFF), make_user(Role.PANEL_MEMBER)):
        login(someone)
        assert client.get("/organisations/verify").status_code == 403
        assert client.post(path).status_code == 403
    db.session.refresh(waiting)
    assert not waiting.is_verified


def test_a_moderator_verifies_from_the_queue(client, login, make_organisation, make_user):
    waiting, done = make_organisation(BUSINESS), make_organisation(verified=True)
    moderator = login(make_user(Role.MODERATOR))

    queue = text(client.get("/organisations/verify"))
    assert str(escape(waiting.name)) in queue and str(escape(done.name)) not in queue
    assert waiting.cvr in queue and "Organisationer" in queue  # in the staff's menu

    response = client.post(f"/organisations/{waiting.id}/verify", follow_redirects=True)
    assert "er verificeret" in text(response)
    db.session.refresh(waiting)
    assert waiting.verified_by_id == moderator.id
    assert "Verificeret<" in text(client.get(f"/organisations/{waiting.id}"))
    # A second click finds it verified already, and says so.
    response = client.post(f"/organisations/{waiting.id}/verify", follow_redirects=True)
    assert "allerede verificeret" in text(response)


def _proposal_data(theme, **changes):
    data = {"title": "Fælles grill", "summary": "Kort", "body": "Lang", "theme_ids": [theme.id]}
    return {**data, "submit": "1", **changes}


def test_the_proposal_form_offers_the_accounts_organisations(
    client, login, make_organisation, make_user, make_theme
):
    member = login(make_user())
    verified = make_organisation(members=[member], verified=True, name="Grundejerforeningen")
    unverified = make_organisation(BUSINESS, members=[member], name="Byens Cykler ApS")
    make_organisation(name="Andres forening")

    page = text(client.get("/proposals/new"))
    assert "Stil forslaget som" in page and "Mig selv" in page
    assert f'value="{verified.id}">Grundejerforeningen (Forening)<' in page
    assert f'value="{unverified.id}">Byens Cykler ApS (Virksomhed, ikke verificeret)<' in page
    assert "Andres forening" not in page

    response = client.post(
        "/proposals/new", data=_proposal_data(make_theme(), organisation_id=unverified.id)
    )
    proposal = db.session.scalar(select(Proposal))
    assert response.status_code == 302 and proposal.organisation_id == unverified.id
    detail = text(client.get(f"/proposals/{proposal.id}"))
    assert "Byens Cykler ApS" in detail and 'class="badge">Ikke verificeret<' in detail


def test_the_form_is_without_the_choice_for_an_account_without_organisations(
    client, login, make_user
):
    login(make_user())
    assert "Stil forslaget som" not in text(client.get("/proposals/new"))


def test_proposing_for_someone_elses_organisation_is_refused(
    client, login, make_organisation, make_user, make_theme
):
    member = login(make_user())
    make_organisation(members=[member])
    other = make_organisation()
    response = client.post(
        "/proposals/new", data=_proposal_data(make_theme(), organisation_id=other.id)
    )
    assert response.status_code == 200 and "Vælg en af mulighederne." in text(response)
    assert count(Proposal) == 0
