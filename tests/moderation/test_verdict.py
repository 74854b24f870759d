"""A proposal sent back or rejected says why at the top of its page, and what that means."""

from cocreate.accounts.roles import Role
from cocreate.proposals.lifecycle import ProposalStatus

S = ProposalStatus
NOTE = "Skriv venligst mere om økonomien."


def _top(client, proposal) -> str:
    """The page from its heading to its summary: what a reader meets first."""
    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    return page[page.index("<h1") : page.index(">Resumé<")]


def test_the_author_of_a_sent_back_proposal_reads_the_note_at_the_top(
    client, login, make_user, make_proposal
):
    author = make_user()
    proposal = make_proposal(S.CHANGES_REQUESTED, author=author)
    login(author)
    top = _top(client, proposal)
    assert "Moderatoren har bedt om ændringer" in top and NOTE in top
    assert "Ret forslaget, og send det igen." in top


def test_a_rejection_tells_its_reason_and_note_to_all_who_see_the_proposal(
    client, login, make_user, make_proposal
):
    proposal = make_proposal(S.REJECTED)
    login(make_user(Role.MODERATOR))
    top = _top(client, proposal)
    assert "Afvist i moderationen: Spam" in top and NOTE in top
    assert "bliver ikke offentliggjort" in top


def test_a_declined_proposal_is_told_apart_from_a_rejected_one(client, make_proposal):
    top = _top(client, make_proposal(S.DECLINED))
    assert "Afslået af forvaltningen" in top and "Afvist i moderationen" not in top


def test_every_state_explains_itself():
    for status in S:
        assert status.explanation, status
