"""Writing, replying to, editing and deleting comments: the services and their predicates."""

from datetime import timedelta

import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.departments.answers import respond_to_proposal
from cocreate.extensions import db
from cocreate.proposals.comments.services import create_comment, delete_comment, edit_comment
from cocreate.proposals.lifecycle import PUBLIC_STATUSES, ProposalStatus
from cocreate.proposals.models import COMMENT_MAX, Comment, Outcome
from cocreate.proposals.permissions import (
    can_comment,
    can_delete_comment,
    can_edit_comment,
    can_flag_comment,
    can_read_comment,
)
from tests.factories import EVIL

S = ProposalStatus
NOT_PUBLIC = sorted(set(S) - PUBLIC_STATUSES)


def _comment_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Comment))


def _fresh(proposal):
    """The proposal's stored comment count and version, as the database has them."""
    db.session.expire_all()
    return proposal.comment_count, proposal.version


@pytest.fixture
def published(make_proposal):
    return make_proposal(S.PUBLISHED)


@pytest.mark.parametrize("status", sorted(PUBLIC_STATUSES))
def test_any_account_comments_on_a_public_proposal(make_proposal, make_user, status):
    proposal = make_proposal(status)
    version = proposal.version
    comment = create_comment(proposal, make_user(), body=f"**Ja** tak. {EVIL}")
    db.session.commit()
    assert comment.body_html.startswith("<p><strong>Ja</strong> tak.")
    assert "<script>" not in comment.body_html and "<img" not in comment.body_html
    assert comment.official_department_id is None and comment.response_id is None
    # The count moves without bumping the version: a comment is not an edit.
    assert _fresh(proposal) == (1, version)


@pytest.mark.parametrize("status", NOT_PUBLIC)
def test_no_comments_before_publication_or_after_rejection(make_proposal, status):
    proposal = make_proposal(status)
    assert not can_comment(proposal.author, proposal)
    with pytest.raises(TransitionNotAllowed, match="kun kommenteres, når det er offentliggjort"):
        create_comment(proposal, proposal.author, body="Hej")
    db.session.rollback()
    assert _comment_count() == 0
    assert _fresh(proposal)[0] == 0


def test_no_comments_on_a_hidden_proposal(published, make_user):
    published.hidden_at = published.published_at
    db.session.commit()
    assert not can_comment(make_user(), published)
    with pytest.raises(TransitionNotAllowed, match="skjult"):
        create_comment(published, make_user(), body="Hej")
    db.session.rollback()
    assert _comment_count() == 0


def test_only_accounts_comment(published):
    anonymous = AnonymousUserMixin()
    assert not can_comment(anonymous, published)
    with pytest.raises(PermissionDenied):
        create_comment(published, anonymous, body="Hej")


@pytest.mark.parametrize(
    ("body", "message"),
    [("", "Skal udfyldes."), ("  \n ", "Skal udfyldes."), ("x" * (COMMENT_MAX + 1), "højst")],
)
def test_empty_or_overlong_text_is_refused(published, make_user, body, message):
    with pytest.raises(ValidationFailed) as refused:
        create_comment(published, make_user(), body=body)
    assert list(refused.value.fields) == ["body"]
    assert message in refused.value.fields["body"]
    db.session.rollback()
    assert _comment_count() == 0 and _fresh(published)[0] == 0


def test_the_longest_comment_is_accepted(published, make_user):
    assert create_comment(published, make_user(), body="x" * COMMENT_MAX).id


def test_one_level_of_replies(published, make_user, make_comment):
    comment = make_comment(published)
    reply = make_comment(published, parent=comment)
    assert reply.parent_id == comment.id
    with pytest.raises(ValidationFailed, match="ikke på et svar") as refused:
        create_comment(published, make_user(), body="Og så?", parent_id=reply.id)
    assert list(refused.value.fields) == ["parent_id"]
    db.session.rollback()
    assert _comment_count() == 2 and _fresh(published)[0] == 2


def test_a_reply_belongs_to_the_same_proposal(published, make_proposal, make_user, make_comment):
    elsewhere = make_comment(make_proposal(S.PUBLISHED))
    for parent_id in (elsewhere.id, 999_999):
        with pytest.raises(ValidationFailed) as refused:
            create_comment(published, make_user(), body="Svar", parent_id=parent_id)
        assert list(refused.value.fields) == ["parent_id"]


def test_no_reply_to_a_deleted_comment(published, make_user, make_comment):
    comment = make_comment(published)
    delete_comment(comment, comment.author)
    db.session.commit()
    with pytest.raises(ValidationFailed, match="ikke længere synlig"):
        create_comment(published, make_user(), body="Svar", parent_id=comment.id)


def test_every_bad_field_is_named_at_once(published, make_user, make_organisation):
    with pytest.raises(ValidationFailed) as refused:
        create_comment(
            published,
            make_user(),
            body=" ",
            parent_id=999_999,
            organisation_id=make_organisation().id,
        )
    assert sorted(refused.value.fields) == ["body", "organisation_id", "parent_id"]


def test_comment_for_ones_organisation(published, make_user, make_organisation):
    member, stranger = make_user(), make_user()
    organisation = make_organisation(members=[member])
    comment = create_comment(published, member, body="Vi hjælper.", organisation_id=organisation.id)
    assert comment.organisation_id == organisation.id
    with pytest.raises(ValidationFailed, match="handler ikke for") as refused:
        create_comment(published, stranger, body="Også os.", organisation_id=organisation.id)
    assert list(refused.value.fields) == ["organisation_id"]


def test_staff_of_the_owning_department_reply_officially(published, make_user, make_department):
    own = make_user(Role.DEPARTMENT_STAFF, departments=[published.department])
    other = make_user(Role.DEPARTMENT_STAFF, departments=[make_department()])
    official = create_comment(published, own, body="Vi ser på det.")
    assert official.official_department_id == published.department_id
    assert create_comment(published, other, body="Ikke vores.").official_department_id is None


def test_comments_in_a_preliminary_answers_window_go_with_it(published, make_user, make_comment):
    before = make_comment(published)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[published.department])
    answer = respond_to_proposal(
        published, staff, outcome=Outcome.DECLINED, text="Nok nej.", preliminary=True
    )
    db.session.commit()
    during = make_comment(published)
    reply_to_earlier = make_comment(published, parent=before)
    answer.comment_window_ends_at = answer.created_at
    db.session.commit()
    after = make_comment(published)
    assert before.response_id is None and after.response_id is None
    assert during.response_id == answer.id and reply_to_earlier.response_id == answer.id


def test_edit_within_fifteen_minutes(published, make_comment):
    comment = make_comment(published)
    edit_comment(comment, comment.author, body="Rettet: *vinteren* er fin.")
    db.session.commit()
    assert comment.body_html == "<p>Rettet: <em>vinteren</em> er fin.</p>\n"
    assert comment.edited_at is not None


def test_no_edit_after_fifteen_minutes(published, make_comment):
    comment = make_comment(published)
    comment.created_at -= timedelta(minutes=15, seconds=1)
    db.session.commit()
    assert not can_edit_comment(comment.author, comment)
    with pytest.raises(TransitionNotAllowed, match="15 minutter"):
        edit_comment(comment, comment.author, body="For sent.")
    db.session.rollback()
    assert "For sent" not in comment.body and comment.edited_at is None


def test_edit_is_the_authors_alone_and_checked(published, make_user, make_comment):
    comment = make_comment(published)
    with pytest.raises(PermissionDenied):
        edit_comment(comment, make_user(), body="Mit nu.")
    with pytest.raises(ValidationFailed):
        edit_comment(comment, comment.author, body="   ")
    db.session.rollback()
    assert comment.edited_at is None


def test_delete_leaves_a_placeholder_and_counts_down(published, make_user, make_comment):
    comment = make_comment(published)
    reply = make_comment(published, parent=comment)
    with pytest.raises(PermissionDenied):
        delete_comment(comment, make_user())
    delete_comment(comment, comment.author)
    db.session.commit()
    assert comment.deleted_at is not None and comment.body == comment.body_html == ""
    assert not comment.is_visible
    assert _comment_count() == 2 and _fresh(published)[0] == 1
    assert reply.is_visible
    with pytest.raises(TransitionNotAllowed, match="allerede slettet"):
        delete_comment(comment, comment.author)
    with pytest.raises(TransitionNotAllowed, match="slettet"):
        edit_comment(comment, comment.author, body="Tilbage igen.")


# What each account may do with a comment in each of its states: author, another account,
# the public. `X` means the predicate holds.
COMMENT_GRID = {
    #             read          edit          delete        flag
    "visible": ("X X X", "X . .", "X . .", ". X ."),
    "hidden": ("X . .", ". . .", "X . .", ". . ."),
    "removed": ("X . .", ". . .", ". . .", ". . ."),
    "deleted": (". . .", ". . .", ". . .", ". . ."),
}


@pytest.mark.parametrize("state", sorted(COMMENT_GRID))
def test_comment_predicates_by_state(published, make_user, make_comment, state):
    comment = make_comment(published)
    if state != "visible":
        setattr(comment, f"{state}_at", comment.created_at)
    viewers = (comment.author, make_user(), AnonymousUserMixin())
    predicates = (can_read_comment, can_edit_comment, can_delete_comment, can_flag_comment)
    for predicate, row in zip(predicates, COMMENT_GRID[state], strict=True):
        found = " ".join("X" if predicate(viewer, comment) else "." for viewer in viewers)
        assert found == row, predicate.__name__
