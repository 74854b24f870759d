"""Every page of every role, in Danish and in English, in a real Chromium: at 1280 px it
passes axe-core with no violation, and at 1280 and 320 px nothing is drawn through anything
else, nothing scrolls sideways and no card outgrows what it holds."""

from datetime import date, timedelta

import pytest

from cocreate.accounts.roles import Role
from cocreate.core.types import local_today
from cocreate.proposals.lifecycle import ProposalStatus
from tests.browser.conftest import axe_violations
from tests.browser.layout import LAYOUT_PROBLEMS
from tests.panel.helpers import ask_panel, seat

pytestmark = pytest.mark.browser
S = ProposalStatus


@pytest.fixture
def municipality(
    make_user,
    make_proposal,
    make_comment,
    make_organisation,
    make_call,
    make_milestone,
    make_progress_update,
):
    """One of everything each role looks at, and the pages each role opens."""
    citizen = make_user()
    staff_department_proposal = make_proposal(S.UNDER_REVIEW)
    department = staff_department_proposal.department
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[department])
    moderator, admin = make_user(Role.MODERATOR), make_user(Role.ADMIN)
    member = make_user(Role.PANEL_MEMBER)
    seat(member)
    # Its answer states a cost and a planned period, as an accepting answer may.
    plan = {
        "cost_estimate": 250_000,
        "planned_from": date(2027, 3, 1),
        "planned_to": date(2027, 6, 1),
    }
    answered = make_proposal(S.ACCEPTED, author=citizen, plan=plan)
    draft = make_proposal(S.CHANGES_REQUESTED, author=citizen)
    waiting, rejected = make_proposal(S.SUBMITTED), make_proposal(S.REJECTED, author=citizen)
    make_comment(answered)
    ask_panel(staff_department_proposal, staff)
    club = make_organisation(members=[citizen])
    # An open call on the department's theme with a proposal sent to it, and a draft one.
    call = make_call(themes=staff_department_proposal.themes)
    make_proposal(S.PUBLISHED, call=call, themes=call.themes)
    draft_call = make_call(themes=staff_department_proposal.themes, publish=False)
    # Followed up part way by the staff's department: a milestone reached, one late, one
    # ahead, and updates; and one whose every milestone is reached, offered as implemented.
    followed_up = make_proposal(S.ACCEPTED, themes=staff_department_proposal.themes)
    today = local_today()
    make_milestone(followed_up, staff, planned_on=today - timedelta(days=9), done_on=today)
    make_milestone(followed_up, staff, title="Udbud", planned_on=today - timedelta(days=2))
    make_milestone(followed_up, staff, title="Anlæg", planned_on=today + timedelta(days=60))
    make_progress_update(followed_up, staff)
    make_progress_update(followed_up, staff, text="## Næste skridt\n\n- udbud\n- anlæg")
    completed = make_proposal(S.PARTIALLY_ACCEPTED, themes=staff_department_proposal.themes)
    make_milestone(completed, staff, planned_on=today, done_on=today)
    return {
        None: [
            "/",
            "/proposals",
            f"/proposals/{answered.id}",
            f"/proposals/{followed_up.id}",
            "/themes",
            f"/themes/{answered.themes[0].slug}",
            "/calls",
            f"/calls/{call.id}",
            "/barometer",
            "/open-data",
            "/departments",
            f"/departments/{department.slug}",
            "/how-it-works",
            "/login",
            "/register",
            "/reset-password",
            "/terms",
        ],
        citizen: [
            "/proposals/new",
            f"/proposals/new?call={call.id}",
            f"/calls/{call.id}",
            f"/proposals/{draft.id}",
            f"/proposals/{draft.id}/edit",
            f"/proposals/{rejected.id}",
            f"/proposals/{answered.id}/coauthors",
            f"/proposals/{answered.id}/rating",
            "/my/proposals",
            "/my/following",
            f"/themes/{answered.themes[0].slug}",
            "/my/invitations",
            "/notifications",
            "/notifications/settings",
            "/organisations",
            f"/organisations/{club.id}",
            "/profile",
        ],
        moderator: ["/moderation", f"/moderation/{waiting.id}", "/moderation/flags"],
        staff: [
            f"/departments/{department.slug}",
            f"/departments/proposals/{staff_department_proposal.id}",
            "/calls/new",
            f"/calls/{call.id}/edit",
            f"/calls/{draft_call.id}",
            f"/proposals/{followed_up.id}",
            f"/proposals/{completed.id}",
            f"/departments/proposals/{completed.id}",
        ],
        member: ["/panel", f"/panel/proposals/{staff_department_proposal.id}/review"],
        admin: [
            "/admin",
            "/admin/users",
            f"/admin/users/{citizen.id}",
            "/admin/audit",
            "/admin/jobs",
            "/admin/strategies",
            "/admin/strategies/new",
            f"/admin/strategies/{answered.themes[0].strategy_id}",
            "/admin/themes/new",
            f"/admin/themes/{answered.themes[0].id}",
            "/admin/departments",
            "/admin/departments/new",
            f"/admin/departments/{department.id}",
            "/panel/members",
            "/organisations/verify",
        ],
    }


@pytest.mark.parametrize("locale", ["da-DK", "en-GB"])
def test_every_page_of_every_role_is_accessible_and_laid_out(
    browser, live_server, sign_in_as, municipality, locale
):
    problems = []
    for account, paths in municipality.items():
        context = browser.new_context(base_url=live_server, locale=locale)
        page = context.new_page()
        if account is not None:
            sign_in_as(page, account)
        for path in paths:
            for width in (1280, 320):
                page.set_viewport_size({"width": width, "height": 900})
                response = page.goto(path)
                if response.status != 200:
                    problems.append(f"{path}: {response.status}")
                    break
                problems += [f"{path} at {width} px: {p}" for p in page.evaluate(LAYOUT_PROBLEMS)]
                if width == 1280:
                    problems += [
                        f"{path}: axe {v['id']} {v['nodes']}" for v in axe_violations(page)
                    ]
        context.close()
    assert problems == []
