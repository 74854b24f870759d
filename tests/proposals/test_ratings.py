"""Rating the final answer: who may, once per account, changeable for 30 days."""

from datetime import timedelta

import pytest

from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import AnswerRating, Support
from cocreate.proposals.ratings import rate_answer

S = ProposalStatus


@pytest.fixture
def supporter(make_user):
    """An account that supports the proposal."""

    def _supporter(proposal):
        user = make_user()
        db.session.add(Support(proposal_id=proposal.id, user_id=user.id))
        db.session.commit()
        return user

    return _supporter


def test_author_and_supporter_rate_once_each_and_may_change_it(make_proposal, supporter):
    proposal = make_proposal(S.ACCEPTED)
    fan = supporter(proposal)

    rate_answer(proposal, proposal.author, answer_score=4, process_score=2, comment=" Hurtigt ")
    rate_answer(proposal, fan, answer_score=5, process_score=5)
    rate_answer(proposal, fan, answer_score=3, process_score=4)
    db.session.commit()

    rows = db.session.query(AnswerRating).order_by(AnswerRating.id).all()
    assert [(r.user_id, r.answer_score, r.process_score) for r in rows] == [
        (proposal.author_id, 4, 2),
        (fan.id, 3, 4),
    ]
    assert rows[0].comment == "Hurtigt"


def test_a_rating_is_fixed_after_30_days(make_proposal):
    proposal = make_proposal(S.DECLINED)
    rated = utcnow() - timedelta(days=31)
    rate_answer(proposal, proposal.author, answer_score=1, process_score=1, now=rated)

    with pytest.raises(TransitionNotAllowed):
        rate_answer(proposal, proposal.author, answer_score=5, process_score=5)
    rate_answer(
        proposal, proposal.author, answer_score=2, process_score=2, now=rated + timedelta(days=29)
    )


@pytest.mark.parametrize("status", [S.PUBLISHED, S.UNDER_REVIEW])
def test_no_rating_before_the_final_answer(make_proposal, status):
    proposal = make_proposal(status)

    with pytest.raises(TransitionNotAllowed):
        rate_answer(proposal, proposal.author, answer_score=3, process_score=3)


def test_only_authors_and_supporters_rate(make_proposal, make_user):
    proposal = make_proposal(S.ACCEPTED)

    with pytest.raises(PermissionDenied):
        rate_answer(proposal, make_user(), answer_score=3, process_score=3)


@pytest.mark.parametrize("score", [0, 6, -1, True, "4", None, 3.5])
def test_scores_outside_one_to_five_are_named(make_proposal, score):
    proposal = make_proposal(S.ACCEPTED)

    with pytest.raises(ValidationFailed) as refused:
        rate_answer(proposal, proposal.author, answer_score=score, process_score=score)
    assert set(refused.value.fields) == {"answer_score", "process_score"}
    assert db.session.query(AnswerRating).count() == 0


def test_the_site_asks_the_author_and_keeps_the_rating(client, login, make_proposal):
    proposal = make_proposal(S.ACCEPTED)
    login(proposal.author)

    page = client.get(f"/proposals/{proposal.id}").text
    assert f'href="/proposals/{proposal.id}/rating"' in page
    form = client.get(f"/proposals/{proposal.id}/rating")
    assert form.status_code == 200 and "Hvor tilfreds er du med svaret?" in form.text

    done = client.post(
        f"/proposals/{proposal.id}/rating",
        data={"answer_score": "4", "process_score": "5", "comment": "Tak"},
    )
    assert done.status_code == 302
    page = client.get(f"/proposals/{proposal.id}").text
    assert "Du gav svaret 4 og behandlingen 5 ud af 5." in page


def test_the_site_keeps_what_was_written_when_a_score_is_missing(client, login, make_proposal):
    proposal = make_proposal(S.ACCEPTED)
    login(proposal.author)

    response = client.post(
        f"/proposals/{proposal.id}/rating", data={"answer_score": "4", "comment": "Min tekst"}
    )

    assert response.status_code == 400
    assert "Vælg et tal fra 1 til 5." in response.text and "Min tekst" in response.text
    assert db.session.query(AnswerRating).count() == 0


def test_the_site_does_not_invite_others(client, login, make_proposal, make_user):
    proposal = make_proposal(S.ACCEPTED)
    login(make_user())

    assert "/rating" not in client.get(f"/proposals/{proposal.id}").text
    page = client.get(f"/proposals/{proposal.id}/rating").text
    assert "Kun forslagets forfattere og støtter kan bedømme svaret." in page


def test_the_department_sees_the_ratings_and_their_comments(
    client, login, make_proposal, make_user
):
    proposal = make_proposal(S.ACCEPTED)
    rate_answer(
        proposal, proposal.author, answer_score=2, process_score=4, comment="For <b>sent</b>"
    )
    db.session.commit()
    login(make_user("department_staff", departments=[proposal.department]))

    page = client.get(f"/departments/proposals/{proposal.id}").text

    assert "Borgernes bedømmelse af svaret" in page and "For &lt;b&gt;sent&lt;/b&gt;" in page
    assert "For &lt;b&gt;sent" not in client.get(f"/proposals/{proposal.id}").text


def test_the_final_answers_mail_links_to_the_rating(make_proposal, make_user, outbox):
    author = make_user()
    make_proposal(S.ACCEPTED, author=author)

    (mail,) = [m for m in outbox() if m["To"] == author.email and "Svar på" in m["Subject"]]
    text = mail.get_body(("plain",)).get_content()
    assert "kan du bedømme svaret" in text and "#rating" in text


def test_a_second_rating_racing_the_first_is_refused_not_a_500(make_proposal, monkeypatch):
    proposal = make_proposal(S.ACCEPTED)
    rate_answer(proposal, proposal.author, answer_score=3, process_score=3)
    db.session.commit()
    # As if the other request's row was not there yet when this one looked.
    monkeypatch.setattr("cocreate.proposals.ratings.rating_of", lambda user, proposal: None)

    with pytest.raises(ValidationFailed):
        rate_answer(proposal, proposal.author, answer_score=5, process_score=5)
    assert db.session.query(AnswerRating).count() == 1
