"""The comment thread, its forms and the moderators' flag pages pass axe-core in Chromium."""

import pytest

from cocreate.extensions import db
from cocreate.moderation.hiding import hide_proposal
from cocreate.proposals.comments.flags import flag_comment
from cocreate.proposals.lifecycle import ProposalStatus
from tests.browser.conftest import axe_violations
from tests.browser.test_accessibility import assert_accessible

pytestmark = pytest.mark.browser
S = ProposalStatus


@pytest.fixture
def thread(app, make_proposal, make_comment, make_user, make_organisation):
    """A proposal with a reply to an organisation's comment, and a hidden comment."""
    proposal = make_proposal(S.PUBLISHED)
    member = make_user()
    organisation = make_organisation(members=[member])
    first = make_comment(proposal, author=member, organisation_id=organisation.id)
    make_comment(proposal, parent=first)
    hidden = make_comment(proposal)
    for _ in range(app.config["COMMENT_FLAG_THRESHOLD"]):
        flag_comment(hidden, make_user(), "spam")
    db.session.commit()
    return proposal, member, first


def test_the_thread_for_the_public_and_for_an_account(page, sign_in, thread):
    proposal, member, _own = thread
    assert_accessible(page, f"/proposals/{proposal.id}")
    sign_in(member)
    assert_accessible(page, f"/proposals/{proposal.id}")
    for summary in page.locator("#comments summary").all():
        summary.click()
    assert_accessible(page, f"/proposals/{proposal.id}")


def test_the_form_page_after_a_refusal_and_the_edit_page(page, sign_in, thread):
    proposal, member, own = thread
    sign_in(member)
    page.goto(f"/proposals/{proposal.id}")
    page.get_by_role("button", name="Send kommentar").click()
    assert page.get_by_text("Der er problemer").is_visible()
    assert axe_violations(page) == []
    assert_accessible(page, f"/comments/{own.id}/edit")


def test_the_flag_queue_and_a_hidden_proposal(page, sign_in, thread, make_user):
    proposal, _member, _own = thread
    moderator = sign_in(make_user("moderator"))
    assert_accessible(page, "/moderation/flags")
    assert_accessible(page, f"/proposals/{proposal.id}")
    hide_proposal(proposal, moderator, "Personoplysninger.")
    db.session.commit()
    assert_accessible(page, "/moderation/flags")
    assert_accessible(page, f"/proposals/{proposal.id}")
    page.context.clear_cookies()
    assert_accessible(page, f"/proposals/{proposal.id}")
