"""Who hears of an accepted proposal's follow-up: authors, co-authors and followers, of each
progress update and each milestone reached, once, at once or in their digest."""

import pytest
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.core.schedule import start_due_periods
from cocreate.core.types import local_today, utcnow
from cocreate.departments.answers import respond_to_proposal
from cocreate.departments.followup import create_progress_update, update_milestone
from cocreate.departments.notices import MILESTONE_DONE, PROGRESS_UPDATE
from cocreate.extensions import db
from cocreate.notifications import preferences
from cocreate.notifications.models import Notification
from cocreate.proposals.coauthors import accept_invitation, invite_coauthor
from cocreate.proposals.follows import follow_proposal
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Outcome


def _told(kind) -> dict[int, int]:
    """How many notifications of the kind each account has."""
    rows = select(Notification.user_id, func.count()).where(Notification.kind == kind)
    return dict(db.session.execute(rows.group_by(Notification.user_id)).all())


@pytest.fixture
def audience(make_proposal, make_user):
    """A proposal accepted after a co-author joined and another account followed it, and a
    member of staff of its department."""
    proposal = make_proposal(ProposalStatus.UNDER_REVIEW)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    coauthor, follower = make_user(), make_user()
    invite_coauthor(proposal, proposal.author, coauthor.email)
    accept_invitation(proposal, coauthor)
    follow_proposal(proposal, follower)
    respond_to_proposal(proposal, staff, outcome=Outcome.ACCEPTED, text="Ja.")
    db.session.commit()
    return proposal, staff, [proposal.author, coauthor, follower]


def test_a_reached_milestone_is_told_once_to_authors_coauthors_and_followers(
    audience, make_milestone, outbox
):
    proposal, staff, people = audience
    milestone = make_milestone(proposal, staff, title="Skolevejen er skiltet")
    assert _told(MILESTONE_DONE) == {}  # planning one tells no one

    update_milestone(proposal, milestone, staff, done_on=local_today())
    db.session.commit()
    # Undone and done again, it is not told twice.
    update_milestone(proposal, milestone, staff, done_on=None)
    update_milestone(proposal, milestone, staff, done_on=local_today())
    db.session.commit()

    assert _told(MILESTONE_DONE) == {person.id: 1 for person in people}
    mails = [m for m in outbox() if "Skolevejen er skiltet" in m["Subject"]]
    assert sorted(m["To"] for m in mails) == sorted(person.email for person in people)
    text = mails[0].get_body(("plain",)).get_content()
    assert f"/proposals/{proposal.id}#follow-up" in text
    assert proposal.department.name in text


def test_a_progress_update_is_told_with_its_words(audience, outbox):
    proposal, staff, people = audience
    create_progress_update(proposal, staff, text="Vi har bestilt asfalten.")
    db.session.commit()
    assert _told(PROGRESS_UPDATE) == {person.id: 1 for person in people}
    mails = [m for m in outbox() if "fortæller, hvordan det går" in m["Subject"]]
    assert len(mails) == len(people)
    html = mails[0].get_body(("html",)).get_content()
    assert "Vi har bestilt asfalten." in html
    assert staff.email not in {m["To"] for m in outbox()}


def test_a_follower_who_chose_a_digest_hears_of_updates_in_it(audience, outbox):
    proposal, staff, (_author, _coauthor, follower) = audience
    preferences.update_settings(follower, {"progress_update": "daily"})
    db.session.commit()
    create_progress_update(proposal, staff, text="Vi har bestilt asfalten.")
    db.session.commit()
    assert follower.email not in {m["To"] for m in outbox()}
    start_due_periods(utcnow().replace(hour=12))
    (digest,) = [m for m in outbox() if m["To"] == follower.email]
    assert "fortæller, hvordan det går" in digest.get_body(("plain",)).get_content()
