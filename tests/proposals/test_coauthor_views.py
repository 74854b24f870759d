"""The co-author pages: inviting, the invitee's list and answers, and the proposal page."""

from markupsafe import escape
from sqlalchemy import func, select

from cocreate.accounts.models import OrganisationKind
from cocreate.extensions import db
from cocreate.proposals.coauthors import accept_invitation, invite_coauthor
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import CoauthorStatus, ProposalCoauthor

S = ProposalStatus


def text(response) -> str:
    return response.get_data(as_text=True)


def invitations() -> int:
    return db.session.scalar(select(func.count(ProposalCoauthor.id)))


def coauthor_of(proposal, make_user, name=None):
    user = make_user(name=name)
    invite_coauthor(proposal, proposal.author, user.email)
    accept_invitation(proposal, user)
    db.session.commit()
    return user


def test_the_author_invites_on_the_coauthors_page(client, login, make_proposal, make_user):
    proposal, invitee = make_proposal(S.DRAFT), make_user(name="Karen Holm")
    login(proposal.author)
    path = f"/proposals/{proposal.id}/coauthors"
    assert "Invitér medforfattere" in text(client.get(f"/proposals/{proposal.id}"))

    response = client.post(path, data={"email": "ingen@example.dk"})
    assert response.status_code == 400
    assert "Der findes ingen konto med e-mailadressen ingen@example.dk." in text(response)
    assert 'value="ingen@example.dk"' in text(response)
    assert invitations() == 0

    response = client.post(path, data={"email": invitee.email}, follow_redirects=True)
    page = text(response)
    assert "Karen Holm er inviteret" in page and "Inviteret" in page
    assert invitations() == 1

    response = client.post(path, data={"email": invitee.email})
    assert response.status_code == 400 and "allerede inviteret" in text(response)


def test_only_the_author_opens_the_coauthors_page(client, login, make_proposal, make_user):
    proposal = make_proposal(S.PUBLISHED)
    coauthor = coauthor_of(proposal, make_user)
    for someone in (make_user(), coauthor):
        login(someone)
        assert client.get(f"/proposals/{proposal.id}/coauthors").status_code == 403
        response = client.post(f"/proposals/{proposal.id}/coauthors", data={"email": "x@y.dk"})
        assert response.status_code == 403


def test_the_invitee_accepts_from_the_list_and_then_edits(client, login, make_proposal, make_user):
    proposal, invitee = make_proposal(S.DRAFT), make_user()
    invite_coauthor(proposal, proposal.author, invitee.email)
    db.session.commit()
    login(invitee)

    listed = text(client.get("/my/invitations"))
    assert str(escape(proposal.title)) in listed and "Sig ja" in listed
    assert "Mine invitationer" in text(client.get("/my/proposals"))
    assert "har inviteret dig" in text(client.get(f"/proposals/{proposal.id}"))
    assert client.get(f"/proposals/{proposal.id}/edit").status_code == 403

    response = client.post(f"/proposals/{proposal.id}/invitation/accept")
    assert response.status_code == 302 and response.location.endswith(f"/proposals/{proposal.id}")
    assert "Du har ingen åbne invitationer." in text(client.get("/my/invitations"))
    assert str(escape(proposal.title)) in text(client.get("/my/invitations"))

    form = text(client.get(f"/proposals/{proposal.id}/edit"))
    assert "Send til moderation" not in form  # submitting is the author's
    data = {"title": "Skrevet sammen", "summary": "Kort", "body": "Lang"}
    response = client.post(
        f"/proposals/{proposal.id}/edit",
        data={**data, "theme_ids": proposal.theme_ids, "save_draft": "1"},
    )
    assert response.status_code == 302
    db.session.refresh(proposal)
    assert proposal.title == "Skrevet sammen" and proposal.status == S.DRAFT
    assert client.post(f"/proposals/{proposal.id}/submit").status_code == 302
    db.session.refresh(proposal)
    assert proposal.status == S.DRAFT


def test_the_invitee_declines(client, login, make_proposal, make_user):
    proposal, invitee = make_proposal(S.DRAFT), make_user()
    invite_coauthor(proposal, proposal.author, invitee.email)
    db.session.commit()
    login(invitee)
    response = client.post(f"/proposals/{proposal.id}/invitation/decline", follow_redirects=True)
    assert "Du har takket nej" in text(response)
    assert db.session.scalar(select(ProposalCoauthor.status)) == CoauthorStatus.DECLINED
    assert client.get(f"/proposals/{proposal.id}").status_code == 404


def test_a_stranger_cannot_answer_someone_elses_invitation(client, login, make_proposal, make_user):
    proposal, invitee = make_proposal(S.PUBLISHED), make_user()
    invite_coauthor(proposal, proposal.author, invitee.email)
    db.session.commit()
    login(make_user())
    response = client.post(f"/proposals/{proposal.id}/invitation/accept", follow_redirects=True)
    assert "Du har ingen åben invitation" in text(response)
    assert db.session.scalar(select(ProposalCoauthor.status)) == CoauthorStatus.INVITED


def test_the_page_shows_every_coauthor_and_the_organisation(
    client, make_proposal, make_user, make_organisation
):
    author = make_user()
    organisation = make_organisation(OrganisationKind.BUSINESS, members=[author], verified=True)
    proposal = make_proposal(S.PUBLISHED, author=author, organisation=organisation)
    coauthor_of(proposal, make_user, name="Mette Madsen")
    second = coauthor_of(proposal, make_user)
    invite_coauthor(proposal, author, make_user(name="Ikke Svaret").email)
    db.session.commit()

    page = text(client.get(f"/proposals/{proposal.id}"))
    assert "Mette Madsen" in page and str(escape(second.name)) in page
    assert "Ikke Svaret" not in page  # only those who accepted
    assert str(escape(organisation.name)) in page and "Verificeret<" in page
    assert f'href="/organisations/{organisation.id}"' in page
    assert "<script>" not in page


def test_the_page_runs_the_same_queries_with_few_and_many_coauthors(
    client, login, count_queries, make_proposal, make_user, make_organisation
):
    def queries(proposal):
        with count_queries() as counter:
            assert client.get(f"/proposals/{proposal.id}").status_code == 200
        return counter.count

    def proposal_with(coauthors: int, verified: bool):
        author = make_user()
        organisation = make_organisation(members=[author], verified=verified)
        proposal = make_proposal(S.PUBLISHED, author=author, organisation=organisation)
        for _ in range(coauthors):
            coauthor_of(proposal, make_user)
        return proposal

    login(make_user())
    few, many = proposal_with(1, False), proposal_with(6, True)
    assert queries(few) == queries(many)
