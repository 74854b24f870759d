"""The main flows work with the keyboard alone: propose, moderate, answer, review, administer."""

import pytest
from sqlalchemy import select

from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Proposal

pytestmark = pytest.mark.browser


FOCUSED_NAME = r"""() => {
    const el = document.activeElement;
    const label = el.labels && el.labels.length ? el.labels[0].innerText : "";
    const name = el.getAttribute("aria-label") || label || el.innerText || el.value || "";
    return name.replace(/\s+/g, " ").trim();
}"""


def tab_to(page, accessible_name: str, limit: int = 80) -> None:
    """Press Tab until the focused element has the given accessible name (or label)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        name = page.evaluate(FOCUSED_NAME)
        if name.startswith(accessible_name):
            return
    raise AssertionError(f"Tab never reached {accessible_name!r}")


def type_in(page, accessible_name: str, text: str) -> None:
    """Tab to the field with the given label and type into it."""
    tab_to(page, accessible_name)
    page.keyboard.type(text)


def submit_with_enter(page) -> None:
    """Press Enter on the focused button and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_skip_link_is_first_and_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Gå til sidens indhold"
    page.keyboard.press("Enter")
    # Following an in-page link updates the URL after the key event; wait for it
    # rather than reading it at once (that read raced in CI).
    page.wait_for_url("**#main-content", timeout=5000)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#main-content') !== null")


def test_propose_moderate_and_answer_with_the_keyboard(page, sign_in, make_user, make_theme):
    theme = make_theme(title="Grønne byrum")
    sign_in(make_user(name="Karen Borger"))
    page.goto("/proposals/new")
    type_in(page, "Titel", "Plant frugttræer i byparken")
    type_in(page, "Resumé", "Frugttræer giver skygge og frugt til alle.")
    type_in(page, "Beskrivelse", "Vi foreslår ti æbletræer ved legepladsen.")
    tab_to(page, "Grønne byrum")
    page.keyboard.press("Space")
    tab_to(page, "Send til moderation")
    submit_with_enter(page)
    assert page.get_by_text("Dit forslag er sendt til moderation").is_visible()
    proposal = db.session.scalar(select(Proposal))
    assert proposal.status == ProposalStatus.SUBMITTED

    page.context.clear_cookies()
    sign_in(make_user("moderator"))
    page.goto(f"/moderation/{proposal.id}")
    tab_to(page, "Godkend og send til forvaltningen")
    page.keyboard.press("Space")
    tab_to(page, "Gem afgørelsen")
    submit_with_enter(page)
    db.session.refresh(proposal)
    assert proposal.status == ProposalStatus.PUBLISHED

    page.context.clear_cookies()
    sign_in(make_user("department_staff", departments=[theme.department]))
    page.goto(f"/departments/proposals/{proposal.id}")
    tab_to(page, "Imødekommet")
    page.keyboard.press("Space")
    type_in(page, "Svar til borgeren", "Træerne plantes til foråret.")
    tab_to(page, "Offentliggør svaret")
    submit_with_enter(page)
    db.session.refresh(proposal)
    assert proposal.status == ProposalStatus.ACCEPTED
    assert page.get_by_text("Træerne plantes til foråret.").is_visible()


def test_a_panel_member_reviews_with_the_keyboard(page, sign_in, make_user, make_proposal):
    from cocreate.panel.models import PanelReview
    from tests.panel.helpers import ask_panel, seat

    proposal = make_proposal(ProposalStatus.PUBLISHED)
    ask_panel(proposal, make_user("department_staff", departments=[proposal.department]))
    member = make_user("panel_member")
    seat(member)
    sign_in(member)
    page.goto(f"/panel/proposals/{proposal.id}/review")
    tab_to(page, "1")  # the first score's row of five
    for _criterion in range(4):
        for _step in range(3):
            page.keyboard.press("ArrowRight")  # arrows move along a row and choose: 4
        page.keyboard.press("Tab")  # on to the next row, then to the recommendation
    page.keyboard.press("ArrowDown")  # from "Anbefales" to "Anbefales med ændringer"
    type_in(page, "Kommentar", "Godt, men vis økonomien.")
    tab_to(page, "Send vurderingen")
    submit_with_enter(page)
    review = db.session.scalar(select(PanelReview))
    assert review.scores == {"value": 4, "feasibility": 4, "cocreation": 4, "strategy_fit": 4}
    assert review.recommendation.value == "recommend_with_changes"


def test_an_admin_grants_a_role_with_the_keyboard(page, sign_in, make_user):
    from cocreate.accounts.roles import Role

    citizen = make_user(name="Karen Borger")
    sign_in(make_user("admin"))
    page.goto(f"/admin/users/{citizen.id}")
    tab_to(page, "Tildel rollen Moderator")
    submit_with_enter(page)
    db.session.refresh(citizen)
    assert Role.MODERATOR in citizen.roles
    assert page.get_by_text("har nu rollen Moderator").is_visible()


def test_an_admin_adds_a_theme_and_its_staff_with_the_keyboard(
    page, sign_in, make_user, make_theme, make_department
):
    from cocreate.accounts.roles import Role
    from cocreate.strategy.models import Theme

    existing = make_theme(title="Trafik")
    department = make_department(name="Børn og Kultur")
    person = make_user(name="Pia Poulsen", email="pia@example.org")
    sign_in(make_user(Role.ADMIN))

    page.goto("/admin/strategies")
    tab_to(page, "Nyt tema i strategien")
    submit_with_enter(page)
    type_in(page, "Navn på dansk", "Trygge skoleveje")
    type_in(page, "Navn på engelsk", "Safe routes to school")
    tab_to(page, "Ansvarlig forvaltning")
    page.keyboard.type("Børn")  # a select takes the typed start of its option
    tab_to(page, "Gem")
    submit_with_enter(page)
    theme = db.session.scalar(select(Theme).where(Theme.title == "Trygge skoleveje"))
    assert (theme.strategy_id, theme.department_id) == (existing.strategy_id, department.id)
    assert theme.title_en == "Safe routes to school"

    page.goto(f"/admin/departments/{department.id}")
    type_in(page, "E-mailadresse", "pia@example.org")
    tab_to(page, "Tilføj til forvaltningen")
    submit_with_enter(page)
    db.session.refresh(person)
    assert person.department_ids == {department.id}
    tab_to(page, "Gør til leder")
    submit_with_enter(page)
    db.session.refresh(person)
    assert person.memberships[0].is_head


def test_register_comment_support_and_transfer_with_the_keyboard(
    page, sign_in, make_user, make_proposal, make_department
):
    from cocreate.accounts.models import User
    from cocreate.proposals.models import Comment, Support

    page.goto("/register")
    type_in(page, "Navn", "Karen Borger")
    type_in(page, "E-mailadresse", "karen@example.org")
    type_in(page, "Adgangskode", "et langt og godt kodeord")
    type_in(page, "Gentag", "et langt og godt kodeord")
    tab_to(page, "Jeg har læst")
    page.keyboard.press("Space")
    tab_to(page, "Opret konto")
    submit_with_enter(page)
    assert db.session.scalar(select(User).where(User.email == "karen@example.org")) is not None

    proposal = make_proposal(ProposalStatus.PUBLISHED)
    sign_in(make_user(name="Karen Borger"))
    page.goto(f"/proposals/{proposal.id}")
    tab_to(page, "Støt forslaget")
    submit_with_enter(page)
    type_in(page, "Kommentar", "Godt tænkt.")
    tab_to(page, "Send kommentar")
    submit_with_enter(page)
    assert db.session.scalar(select(Support).where(Support.proposal_id == proposal.id))
    assert db.session.scalar(select(Comment.body).where(Comment.proposal_id == proposal.id)) == (
        "Godt tænkt."
    )

    other = make_department(name="Beskæftigelse")
    page.context.clear_cookies()
    sign_in(make_user("department_staff", departments=[proposal.department]))
    page.goto(f"/departments/proposals/{proposal.id}")
    tab_to(page, "Ny forvaltning")
    page.keyboard.press("End")  # the last department in the list: the new one
    type_in(page, "Begrundelse", "Det handler om job.")
    tab_to(page, "Overdrag forslaget")
    submit_with_enter(page)
    db.session.refresh(proposal)
    assert proposal.department_id == other.id
