"""Each event reaches its audience once, after commit; the actor is not told of their own act."""

from datetime import datetime, timedelta

from sqlalchemy import select

from cocreate.accounts.roles import Role
from cocreate.core import outbox as jobs
from cocreate.core.outbox import OutboxMessage
from cocreate.core.types import utcnow
from cocreate.departments.answers import respond_to_proposal
from cocreate.departments.notices import PRELIMINARY_ANSWER, PROPOSAL_ROUTED, PROPOSAL_TRANSFERRED
from cocreate.departments.services import transfer_proposal
from cocreate.extensions import db
from cocreate.moderation.models import RejectionReason
from cocreate.moderation.notices import PROPOSAL_APPROVED, PROPOSAL_REJECTED
from cocreate.notifications.events import FAN_OUT, SEND
from cocreate.notifications.kinds import NoticeKind
from cocreate.notifications.models import Notification
from cocreate.organisations.notices import ORGANISATION_VERIFIED
from cocreate.organisations.services import verify_organisation
from cocreate.panel.notices import PANEL_REQUEST
from cocreate.proposals.coauthors import invite_coauthor
from cocreate.proposals.follows import follow_proposal, follow_theme
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Outcome
from cocreate.proposals.notices import (
    COAUTHOR_INVITATION,
    NEW_COMMENT,
    PROPOSAL_RECEIVED,
    THEME_PROPOSAL,
)
from tests.panel.helpers import ask_panel, seat


def kinds_for(user) -> list[NoticeKind]:
    rows = select(Notification.kind).where(Notification.user_id == user.id)
    return list(db.session.scalars(rows.order_by(Notification.id)))


def only(kind: NoticeKind) -> Notification:
    (notification,) = db.session.scalars(select(Notification).where(Notification.kind == kind))
    return notification


def mails_to(messages, user) -> list:
    return [message for message in messages if message["To"] == user.email]


def test_submitting_mails_the_author_a_receipt(make_proposal, make_user, outbox):
    author = make_user()
    proposal = make_proposal(author=author)
    assert kinds_for(author) == [PROPOSAL_RECEIVED]
    (mail,) = mails_to(outbox(), author)
    assert "Vi har modtaget dit forslag" in mail["Subject"]
    assert f"/proposals/{proposal.id}" in mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;" in html  # the title is escaped
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/notifications/unsubscribe/" in mail["List-Unsubscribe"]
    assert only(PROPOSAL_RECEIVED).emailed_at is not None


def test_a_rolled_back_submission_tells_no_one(make_user, make_theme, outbox):
    from cocreate.proposals.services import create_proposal

    author = make_user()
    create_proposal(
        author, title="Titel", summary="Resumé", body="Tekst", theme_ids=[make_theme().id]
    )
    db.session.rollback()
    assert kinds_for(author) == [] and mails_to(outbox(), author) == []


def test_approval_tells_author_department_staff_and_theme_followers(
    make_proposal, make_user, make_theme, make_department
):
    department = make_department(name="Teknik og Miljø")
    theme = make_theme(department=department)
    author, follower = make_user(), make_user()
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[department])
    follow_theme(theme, follower)
    db.session.commit()
    make_proposal(ProposalStatus.PUBLISHED, author=author, themes=[theme])
    assert kinds_for(author) == [PROPOSAL_RECEIVED, PROPOSAL_APPROVED]
    assert only(PROPOSAL_APPROVED).params["department"] == "Teknik og Miljø"
    assert kinds_for(staff) == [PROPOSAL_ROUTED]
    assert kinds_for(follower) == [THEME_PROPOSAL]


def test_rejection_carries_reason_and_note(make_proposal, make_user):
    author = make_user()
    make_proposal(ProposalStatus.REJECTED, author=author)
    rejected = only(PROPOSAL_REJECTED)
    assert rejected.user_id == author.id
    assert rejected.params["reason_code"] == RejectionReason.SPAM.value
    assert rejected.params["note"] == "Skriv venligst mere om økonomien."


def test_transfer_tells_the_new_department_and_the_author(
    make_proposal, make_user, make_department
):
    author = make_user()
    proposal = make_proposal(ProposalStatus.PUBLISHED, author=author)
    old_staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    new_department = make_department(name="Børn og Kultur")
    new_staff = make_user(Role.DEPARTMENT_STAFF, departments=[new_department])
    transfer_proposal(proposal, new_department, old_staff, "Det hører til skoleområdet.")
    db.session.commit()
    assert kinds_for(new_staff) == [PROPOSAL_ROUTED]
    assert PROPOSAL_TRANSFERRED in kinds_for(author)
    transferred = only(PROPOSAL_TRANSFERRED)
    assert transferred.params["note"] == "Det hører til skoleområdet."
    assert transferred.params["department"] == "Børn og Kultur"
    assert PROPOSAL_TRANSFERRED not in kinds_for(old_staff)  # the actor


def test_answers_reach_authors_coauthors_and_followers(make_proposal, make_user):
    author, coauthor, follower = make_user(), make_user(), make_user()
    proposal = make_proposal(ProposalStatus.UNDER_REVIEW, author=author)
    invite_coauthor(proposal, author, coauthor.email)
    db.session.commit()
    from cocreate.proposals.coauthors import accept_invitation

    accept_invitation(proposal, coauthor)
    follow_proposal(proposal, follower)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    respond_to_proposal(proposal, staff, outcome=Outcome.ACCEPTED, text="Ja.", preliminary=True)
    db.session.commit()
    for user in (author, coauthor, follower):
        assert PRELIMINARY_ANSWER in kinds_for(user)
    assert PRELIMINARY_ANSWER not in kinds_for(staff)
    preliminary = db.session.scalars(
        select(Notification).where(Notification.kind == PRELIMINARY_ANSWER)
    ).first()
    assert preliminary.params["outcome"] == "accepted" and preliminary.params["window_ends"]


def test_a_comment_tells_followers_but_not_its_writer(make_proposal, make_user, make_comment):
    author, follower = make_user(), make_user()
    proposal = make_proposal(ProposalStatus.PUBLISHED, author=author)
    follow_proposal(proposal, follower)
    db.session.commit()
    make_comment(proposal, author=follower)
    assert NEW_COMMENT in kinds_for(author)
    assert NEW_COMMENT not in kinds_for(follower)
    # A comment is chatter: by default it waits for the daily digest.
    assert only(NEW_COMMENT).emailed_at is None


def test_panel_request_reaches_members_without_a_conflict(make_proposal, make_user):
    author = make_user()
    proposal = make_proposal(ProposalStatus.PUBLISHED, author=author)
    free, conflicted = seat(make_user()), seat(author)
    ask_panel(proposal, make_user(Role.MODERATOR))
    assert kinds_for(free.user) == [PANEL_REQUEST]
    assert PANEL_REQUEST not in kinds_for(conflicted.user)


def test_coauthor_invitation_and_organisation_verification(
    make_proposal, make_user, make_organisation
):
    author, invitee, member = make_user(), make_user(), make_user()
    proposal = make_proposal(ProposalStatus.DRAFT, author=author)
    invite_coauthor(proposal, author, invitee.email)
    db.session.commit()
    assert kinds_for(invitee) == [COAUTHOR_INVITATION]
    organisation = make_organisation(members=[member])
    verify_organisation(organisation, make_user(Role.MODERATOR))
    db.session.commit()
    assert kinds_for(member) == [ORGANISATION_VERIFIED]
    assert only(ORGANISATION_VERIFIED).params["organisation_id"] == organisation.id


def _messages(job_name: str) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.job == job_name)))


def test_a_fan_out_or_a_mail_run_twice_tells_once(make_proposal, make_user, monkeypatch):
    sent = []
    monkeypatch.setattr(
        "cocreate.notifications.delivery.send_email", lambda to, *args, **kw: sent.append(to)
    )
    author = make_user()
    make_proposal(author=author)
    (fan_out,) = _messages(FAN_OUT)
    (send,) = _messages(SEND)
    # As if a worker died after the work but before the rows were marked done.
    for message in (fan_out, send):
        message.done_at = None
        message.started_at = utcnow() - jobs.LEASE - timedelta(seconds=1)
    db.session.commit()
    jobs.run_message(fan_out.id)
    jobs.run_message(send.id)
    assert kinds_for(author) == [PROPOSAL_RECEIVED]
    assert sent == [author.email]
    for message in (fan_out, send):
        db.session.refresh(message)
        assert message.done_at is not None and message.last_error == ""


def test_a_title_with_a_line_break_still_makes_a_one_line_subject(make_proposal, make_user, outbox):
    author = make_user()
    make_proposal(author=author, title="Linje et\r\nLinje to")
    (mail,) = mails_to(outbox(), author)
    assert "Linje et Linje to" in mail["Subject"]


def test_a_notification_tells_when_its_event_happened_not_when_the_queue_ran(
    make_proposal, make_user
):
    from cocreate.notifications.events import fan_out

    author = make_user()
    proposal = make_proposal(author=author)
    (message,) = db.session.scalars(select(OutboxMessage).where(OutboxMessage.job == FAN_OUT))
    notification = only(PROPOSAL_RECEIVED)
    assert notification.created_at == datetime.fromisoformat(message.payload["occurred_at"])
    assert abs(notification.created_at - proposal.submitted_at) < timedelta(seconds=5)

    # The queue reaches an event an hour late (Redis was away): the time is still the event's.
    an_hour_ago, late = utcnow() - timedelta(hours=1), "proposal_received:late"
    fan_out({**message.payload, "event_key": late, "occurred_at": an_hour_ago.isoformat()})
    notified = select(Notification.created_at).where(Notification.event_key == late)
    assert db.session.scalars(notified).one() == an_hour_ago
