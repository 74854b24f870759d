"""Flags on comments: hiding at the threshold, the moderators' queue, restore and remove."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from cocreate.accounts.roles import Role
from cocreate.config import settings_from_environment
from cocreate.core.audit import AuditEntry
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.extensions import db
from cocreate.moderation.flags import flagged_comments, remove_comment, restore_comment
from cocreate.moderation.permissions import can_handle_flags
from cocreate.proposals.comments.flags import flag_comment
from cocreate.proposals.comments.services import delete_comment
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import CommentFlag, FlagReason

S = ProposalStatus


@pytest.fixture
def published(make_proposal):
    return make_proposal(S.PUBLISHED)


@pytest.fixture
def comment(published, make_comment):
    return make_comment(published, body="Alle politikere er idioter")


@pytest.fixture
def moderator(make_user):
    return make_user(Role.MODERATOR)


@pytest.fixture
def hide(app, make_user):
    """Flag the comment by as many accounts as it takes to hide it."""

    def _hide(comment):
        for _ in range(app.config["COMMENT_FLAG_THRESHOLD"]):
            flag_comment(comment, make_user(), FlagReason.OFFENSIVE)
        db.session.commit()
        return comment

    return _hide


def _stored(comment):
    db.session.expire_all()
    return comment


def _audit_actions() -> list[str]:
    """What the audit log says happened to comments."""
    statement = select(AuditEntry.action).where(AuditEntry.subject_type == "comment")
    return list(db.session.scalars(statement.order_by(AuditEntry.id)))


def test_the_threshold_is_three_unless_the_environment_says_otherwise(app, monkeypatch, tmp_path):
    assert app.config["COMMENT_FLAG_THRESHOLD"] == 3
    monkeypatch.setenv("COMMENT_FLAG_THRESHOLD", "5")
    assert settings_from_environment(str(tmp_path))["COMMENT_FLAG_THRESHOLD"] == 5


@pytest.mark.parametrize("threshold", [1, 3, 5])
def test_a_comment_is_hidden_exactly_at_the_threshold(
    app, monkeypatch, published, comment, make_user, threshold
):
    monkeypatch.setitem(app.config, "COMMENT_FLAG_THRESHOLD", threshold)
    for n in range(1, threshold):
        flag_comment(comment, make_user(), FlagReason.SPAM)
        db.session.commit()
        assert _stored(comment).flag_count == n
        assert comment.is_visible and published.comment_count == 1
    flag_comment(comment, make_user(), "personal_data")
    db.session.commit()
    assert _stored(comment).hidden_at is not None and comment.flag_count == threshold
    assert published.comment_count == 0
    assert _audit_actions() == ["comment.hidden"]


def test_flag_once_per_account_and_never_ones_own(published, comment, make_user):
    flagger = make_user()
    flag_comment(comment, flagger, FlagReason.SPAM)
    db.session.commit()
    with pytest.raises(ValidationFailed, match="allerede anmeldt"):
        flag_comment(comment, flagger, FlagReason.OFF_TOPIC)
    db.session.rollback()
    with pytest.raises(PermissionDenied, match="egen kommentar"):
        flag_comment(comment, comment.author, FlagReason.SPAM)
    with pytest.raises(ValidationFailed) as refused:
        flag_comment(comment, make_user(), "boring")
    assert list(refused.value.fields) == ["reason"]
    db.session.rollback()
    assert _stored(comment).flag_count == 1
    assert len(db.session.scalars(select(CommentFlag)).all()) == 1


def test_gone_comments_cannot_be_flagged(published, comment, make_user):
    delete_comment(comment, comment.author)
    db.session.commit()
    with pytest.raises(TransitionNotAllowed):
        flag_comment(comment, make_user(), FlagReason.SPAM)


def test_the_queue_is_for_moderators(client, login, make_user, moderator):
    assert client.get("/moderation/flags").status_code == 302
    login(make_user())
    assert client.get("/moderation/flags").status_code == 403
    login(moderator)
    assert client.get("/moderation/flags").status_code == 200
    assert 'href="/moderation/flags"' in client.get("/moderation").get_data(as_text=True)


def test_the_queue_lists_hidden_comments_oldest_first_with_reasons(
    client, login, published, make_comment, make_user, moderator, hide
):
    newer, older = (
        hide(make_comment(published, body="Nyere skjult")),
        hide(make_comment(published, body="Ældre skjult")),
    )
    older.hidden_at = newer.hidden_at - timedelta(hours=1)
    flag_comment(make_comment(published, body="Kun én anmeldelse"), make_user(), "spam")
    removed = hide(make_comment(published, body="Allerede fjernet"))
    remove_comment(removed, moderator, "Grov tone.")
    db.session.commit()
    login(moderator)
    page = client.get("/moderation/flags").get_data(as_text=True)
    assert page.index("Ældre skjult") < page.index("Nyere skjult")
    assert "Kun én anmeldelse" not in page and "Allerede fjernet" not in page
    assert "Krænkende: 3" in page
    assert '<span class="count-large">2</span>' in page


def test_restore_shows_the_comment_again_and_resolves_its_flags(
    published, comment, moderator, make_user, hide
):
    hide(comment)
    restore_comment(comment, moderator, "Skarp, men inden for reglerne.")
    db.session.commit()
    assert _stored(comment).is_visible and comment.flag_count == 0
    assert comment.moderation_note == "Skarp, men inden for reglerne."
    assert published.comment_count == 1
    flags = db.session.scalars(select(CommentFlag)).all()
    assert len(flags) == 3 and all(flag.resolved_at for flag in flags)
    assert _audit_actions() == ["comment.hidden", "comment.restored"]
    with pytest.raises(TransitionNotAllowed):
        restore_comment(comment, moderator)
    # Fresh flags start from nothing; earlier flaggers have had their say.
    flag_comment(comment, make_user(), FlagReason.SPAM)
    db.session.commit()
    assert _stored(comment).is_visible and comment.flag_count == 1


def test_remove_needs_a_reason_the_author_sees(client, login, published, comment, moderator, hide):
    hide(comment)
    with pytest.raises(ValidationFailed) as refused:
        remove_comment(comment, moderator, "  ")
    assert list(refused.value.fields) == ["note"]
    db.session.rollback()
    assert _stored(comment).removed_at is None
    remove_comment(comment, moderator, "Personangreb er ikke tilladt.")
    db.session.commit()
    assert _stored(comment).removed_at is not None and published.comment_count == 0
    assert all(flag.resolved_at for flag in db.session.scalars(select(CommentFlag)))
    assert _audit_actions() == ["comment.hidden", "comment.removed"]
    public = client.get(f"/proposals/{published.id}").get_data(as_text=True)
    assert "Kommentaren er fjernet af en moderator." in public
    assert "idioter" not in public and "Personangreb" not in public
    login(comment.author)
    own = client.get(f"/proposals/{published.id}").get_data(as_text=True)
    assert "En moderator har fjernet din kommentar." in own
    assert "Moderatorens begrundelse: Personangreb er ikke tilladt." in own


def test_who_settles_flags(published, make_comment, make_user, moderator, hide):
    own = hide(make_comment(published, author=moderator))
    assert can_handle_flags(moderator) and not can_handle_flags(moderator, own)
    with pytest.raises(PermissionDenied, match="egen kommentar"):
        restore_comment(own, moderator)
    with pytest.raises(PermissionDenied):
        remove_comment(own, make_user(), "Nej.")
    assert not _stored(own).is_visible


def test_visible_comments_are_not_settled(published, comment, moderator):
    with pytest.raises(TransitionNotAllowed, match="venter ikke"):
        remove_comment(comment, moderator, "Væk.")


def test_settle_through_the_queue(client, login, published, comment, moderator, hide):
    hide(comment)
    login(moderator)
    path = f"/moderation/flags/{comment.id}"
    response = client.post(path, data={"note": "", "remove": "1"})
    assert response.status_code == 302 and response.location.endswith("/moderation/flags")
    page = client.get("/moderation/flags").get_data(as_text=True)
    assert "Skriv til forfatteren, hvorfor kommentaren fjernes." in page and "idioter" in page
    client.post(path, data={"note": "Vi ser ingen grund.", "restore": "1"})
    page = client.get("/moderation/flags").get_data(as_text=True)
    assert "Kommentaren vises igen." in page and "idioter" not in page
    assert _stored(comment).is_visible
    login(comment.author)
    own = client.get(f"/proposals/{published.id}").get_data(as_text=True)
    assert "viser den igen" in own and "Vi ser ingen grund." in own


def test_an_author_deleting_a_hidden_comment_takes_it_out_of_the_queue(
    published, comment, moderator, hide
):
    hide(comment)
    delete_comment(comment, comment.author)
    db.session.commit()
    assert published.comment_count == 0
    assert db.session.scalars(flagged_comments()).all() == []
    with pytest.raises(TransitionNotAllowed):
        restore_comment(comment, moderator)
