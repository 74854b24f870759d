"""Creating, editing, submitting and withdrawing proposals."""

import pytest
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.departments.answers import respond_to_proposal
from cocreate.proposals.lifecycle import Action, ProposalStatus, StatusChange
from cocreate.proposals.models import Outcome, Proposal
from cocreate.proposals.services import (
    create_proposal,
    submit_proposal,
    update_proposal,
    withdraw_proposal,
)
from tests.factories import EVIL

S = ProposalStatus
EDITABLE = [S.DRAFT, S.SUBMITTED, S.CHANGES_REQUESTED]
NOT_EDITABLE = [s for s in S if s not in EDITABLE]
WITHDRAWABLE = [S.DRAFT, S.SUBMITTED, S.CHANGES_REQUESTED, S.PUBLISHED, S.UNDER_REVIEW]
NOT_WITHDRAWABLE = [s for s in S if s not in WITHDRAWABLE]


def _content(themes, **overrides):
    return {
        "title": "  Legeplads ved skolen  ",
        "summary": "  En ny legeplads.  ",
        "body": f"## Hvorfor\n\nBørnene mangler plads. {EVIL} [se](javascript:alert(1))",
        "theme_ids": [t.id for t in themes],
        **overrides,
    }


def _proposal_count(db):
    return db.session.scalar(select(func.count()).select_from(Proposal))


# -- create -----------------------------------------------------------------------------


def test_create_submits_by_default(db, make_user, make_theme):
    author, theme = make_user(), make_theme()

    proposal = create_proposal(author, **_content([theme]))
    db.session.commit()

    assert proposal.status == S.SUBMITTED
    assert proposal.submitted_at is not None
    assert proposal.author_id == author.id
    assert (proposal.title, proposal.summary) == ("Legeplads ved skolen", "En ny legeplads.")
    assert proposal.department_id is None
    [change] = proposal.status_changes
    assert (change.action, change.from_status, change.actor_id) == (
        Action.SUBMIT,
        S.DRAFT,
        author.id,
    )


def test_create_as_a_draft(db, make_user, make_theme):
    proposal = create_proposal(make_user(), **_content([make_theme()]), submit=False)
    db.session.commit()

    assert proposal.status == S.DRAFT
    assert proposal.submitted_at is None
    assert proposal.status_changes == []


def test_create_keeps_the_themes_in_the_order_given(db, make_user, make_theme):
    first, second, third = make_theme(), make_theme(), make_theme()

    proposal = create_proposal(make_user(), **_content([second, third, first, second]))
    db.session.commit()

    db.session.expire_all()
    assert db.session.get(Proposal, proposal.id).theme_ids == [second.id, third.id, first.id]


def test_create_renders_the_body_through_the_sanitiser(db, make_user, make_theme):
    content = _content([make_theme()])

    proposal = create_proposal(make_user(), **content)

    # The source is kept as written; the HTML is made once, safe, at write time.
    assert proposal.body == content["body"]
    assert proposal.body_html.startswith("<h3>Hvorfor</h3>")
    for unsafe in ("<script", "<img", "href="):
        assert unsafe not in proposal.body_html
    assert "&lt;script&gt;" in proposal.body_html


@pytest.mark.parametrize("with_a_known_one", [False, True])
def test_create_refuses_an_unknown_theme(db, make_user, make_theme, with_a_known_one):
    theme = make_theme()
    theme_ids = [theme.id, theme.id + 1000] if with_a_known_one else [theme.id + 1000]

    with pytest.raises(ValidationFailed) as refused:
        create_proposal(make_user(), **_content([], theme_ids=theme_ids))

    assert set(refused.value.fields) == {"theme_ids"}
    assert str(theme_ids[-1]) in refused.value.fields["theme_ids"]
    db.session.commit()
    assert _proposal_count(db) == 0


def test_create_refuses_an_empty_theme_list(db, make_user):
    with pytest.raises(ValidationFailed) as refused:
        create_proposal(make_user(), **_content([]))

    assert set(refused.value.fields) == {"theme_ids"}
    db.session.commit()
    assert _proposal_count(db) == 0


@pytest.mark.parametrize("who", [None, "anonymous"])
def test_create_needs_an_account(db, make_theme, who):
    from flask_login import AnonymousUserMixin

    author = AnonymousUserMixin() if who else None

    with pytest.raises(PermissionDenied):
        create_proposal(author, **_content([make_theme()]))


# -- update -----------------------------------------------------------------------------


@pytest.mark.parametrize("status", EDITABLE)
def test_the_author_updates_while_editable(db, make_theme, make_proposal, status):
    proposal = make_proposal(status)
    new_first, kept = make_theme(), proposal.themes[0]

    update_proposal(
        proposal,
        proposal.author,
        title="Ny titel",
        summary="Nyt resumé",
        body="**Ny** tekst <script>x()</script>",
        theme_ids=[new_first.id, kept.id],
    )
    db.session.commit()

    db.session.expire_all()
    proposal = db.session.get(Proposal, proposal.id)
    assert proposal.status == status
    assert (proposal.title, proposal.summary) == ("Ny titel", "Nyt resumé")
    assert "<strong>Ny</strong>" in proposal.body_html
    assert "<script" not in proposal.body_html
    assert proposal.theme_ids == [new_first.id, kept.id]


@pytest.mark.parametrize("status", NOT_EDITABLE)
def test_the_author_cannot_update_after_approval_or_decision(db, make_proposal, status):
    proposal = make_proposal(status)
    title = proposal.title

    with pytest.raises(TransitionNotAllowed):
        update_proposal(
            proposal,
            proposal.author,
            title="Ændret",
            summary="s",
            body="b",
            theme_ids=proposal.theme_ids,
        )

    db.session.commit()
    assert db.session.get(Proposal, proposal.id).title == title


@pytest.mark.parametrize(
    "roles", [(), (Role.MODERATOR,), (Role.ADMIN,)], ids=["citizen", "moderator", "admin"]
)
def test_only_the_author_updates(db, make_user, make_proposal, roles):
    proposal = make_proposal(S.SUBMITTED)
    title = proposal.title

    with pytest.raises(PermissionDenied):
        update_proposal(
            proposal,
            make_user(*roles),
            title="Kapret",
            summary="s",
            body="b",
            theme_ids=proposal.theme_ids,
        )

    db.session.commit()
    assert db.session.get(Proposal, proposal.id).title == title


def test_update_refuses_an_unknown_theme_and_keeps_the_old_ones(db, make_proposal):
    proposal = make_proposal(S.DRAFT)
    theme_ids = proposal.theme_ids

    with pytest.raises(ValidationFailed) as refused:
        update_proposal(
            proposal, proposal.author, title="t", summary="s", body="b", theme_ids=[999_999]
        )

    assert set(refused.value.fields) == {"theme_ids"}
    db.session.commit()
    assert db.session.get(Proposal, proposal.id).theme_ids == theme_ids


# -- submit and resubmit ----------------------------------------------------------------


def test_submit_a_draft(db, make_proposal):
    proposal = make_proposal(S.DRAFT)

    submit_proposal(proposal, proposal.author)
    db.session.commit()

    assert proposal.status == S.SUBMITTED
    assert proposal.status_changes[-1].action == Action.SUBMIT


def test_resubmit_after_changes_were_requested(db, make_proposal):
    proposal = make_proposal(S.CHANGES_REQUESTED)
    first_submission = proposal.submitted_at
    update_proposal(
        proposal,
        proposal.author,
        title="Bedre titel",
        summary="Med budget",
        body="Budget: 100.000 kr.",
        theme_ids=proposal.theme_ids,
    )

    submit_proposal(proposal, proposal.author)
    db.session.commit()

    assert proposal.status == S.SUBMITTED
    assert proposal.submitted_at > first_submission
    change = proposal.status_changes[-1]
    assert (change.action, change.from_status, change.to_status) == (
        Action.RESUBMIT,
        S.CHANGES_REQUESTED,
        S.SUBMITTED,
    )


@pytest.mark.parametrize("status", [S.SUBMITTED, S.REJECTED, S.PUBLISHED, S.WITHDRAWN])
def test_submit_is_refused_in_other_states(db, make_proposal, status):
    proposal = make_proposal(status)

    with pytest.raises(TransitionNotAllowed):
        submit_proposal(proposal, proposal.author)

    db.session.commit()
    assert proposal.status == status


def test_only_the_author_submits(db, make_user, make_proposal):
    proposal = make_proposal(S.DRAFT)

    with pytest.raises(PermissionDenied):
        submit_proposal(proposal, make_user(Role.MODERATOR))

    db.session.commit()
    assert proposal.status == S.DRAFT


# -- withdraw ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", WITHDRAWABLE)
def test_the_author_withdraws_before_an_answer(db, make_proposal, status):
    proposal = make_proposal(status)

    withdraw_proposal(proposal, proposal.author, reason="Vi har fundet en anden løsning.")
    db.session.commit()

    assert proposal.status == S.WITHDRAWN
    change = proposal.status_changes[-1]
    assert (change.action, change.from_status, change.actor_id, change.reason) == (
        Action.WITHDRAW,
        status,
        proposal.author_id,
        "Vi har fundet en anden løsning.",
    )


@pytest.mark.parametrize("status", NOT_WITHDRAWABLE)
def test_withdrawing_is_refused_after_an_answer_or_decision(db, make_proposal, status):
    proposal = make_proposal(status)
    changes = len(proposal.status_changes)

    with pytest.raises(TransitionNotAllowed):
        withdraw_proposal(proposal, proposal.author)

    db.session.commit()
    assert db.session.get(Proposal, proposal.id).status == status
    assert len(proposal.status_changes) == changes


@pytest.mark.parametrize("status", [S.PUBLISHED, S.UNDER_REVIEW])
def test_withdrawing_is_refused_after_a_preliminary_answer(db, make_user, make_proposal, status):
    proposal = make_proposal(status)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    respond_to_proposal(
        proposal, staff, outcome=Outcome.ACCEPTED, text="Foreløbigt ja", preliminary=True
    )
    db.session.commit()

    with pytest.raises(TransitionNotAllowed):
        withdraw_proposal(proposal, proposal.author)

    db.session.commit()
    assert db.session.get(Proposal, proposal.id).status == S.UNDER_REVIEW


def test_only_the_author_withdraws(db, make_user, make_proposal):
    proposal = make_proposal(S.PUBLISHED)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])

    for someone in (make_user(), make_user(Role.MODERATOR), staff, make_user(Role.ADMIN)):
        with pytest.raises(PermissionDenied):
            withdraw_proposal(proposal, someone)

    db.session.commit()
    assert proposal.status == S.PUBLISHED
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(StatusChange)
            .where(StatusChange.action == Action.WITHDRAW)
        )
        == 0
    )
