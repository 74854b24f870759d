"""Department inboxes and the handling page through the test client."""

from datetime import timedelta

from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus

S = ProposalStatus


def _staff_for(make_user, proposal):
    return make_user("department_staff", departments=[proposal.department])


def test_inbox_lists_overdue_first_then_newest(client, login, make_user, make_proposal, make_theme):
    theme = make_theme()
    old_on_time, new_one, overdue = (
        make_proposal(S.PUBLISHED, themes=[theme], title=t)
        for t in ("Alfa gammel", "Bravo ny", "Charlie forsinket")
    )
    old_on_time.routed_at = utcnow() - timedelta(days=3)
    overdue.routed_at = utcnow() - timedelta(days=90)
    overdue.acknowledge_due_at = utcnow() - timedelta(days=1)
    db.session.commit()
    login(_staff_for(make_user, new_one))
    page = client.get(f"/departments/{theme.department.slug}").get_data(as_text=True)
    assert page.index("Charlie forsinket") < page.index("Bravo ny") < page.index("Alfa gammel")
    assert "1 over fristen" in page


def test_inbox_is_public_page_for_others(client, make_department):
    department = make_department()
    page = client.get(f"/departments/{department.slug}").get_data(as_text=True)
    assert "Indbakke" not in page and department.name in page


def test_acknowledge_transfer_and_answer(client, login, make_user, make_proposal, make_department):
    proposal = make_proposal(S.PUBLISHED)
    login(_staff_for(make_user, proposal))
    client.post(f"/departments/proposals/{proposal.id}/acknowledge")
    db.session.refresh(proposal)
    assert proposal.status == S.UNDER_REVIEW
    client.post(
        f"/departments/proposals/{proposal.id}/respond",
        data={
            "response-outcome": "accepted",
            "response-text": "Vi gør det.",
            "response-preliminary": "",
        },
    )
    db.session.refresh(proposal)
    assert proposal.status == S.ACCEPTED
    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "Vi gør det." in page


def test_transfer_needs_a_reason_the_citizen_sees(
    client, login, make_user, make_proposal, make_department
):
    proposal, target = make_proposal(S.PUBLISHED), make_department(name="Beskæftigelse")
    login(_staff_for(make_user, proposal))
    missing = client.post(
        f"/departments/proposals/{proposal.id}/transfer", data={"transfer-department_id": target.id}
    )
    assert missing.status_code == 400 and "Skriv en begrundelse." in missing.get_data(as_text=True)
    client.post(
        f"/departments/proposals/{proposal.id}/transfer",
        data={"transfer-department_id": target.id, "transfer-reason": "Det handler om job."},
    )
    db.session.refresh(proposal)
    assert proposal.department_id == target.id
    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "Overdraget fra" in page and "Det handler om job." in page


def test_preliminary_answer_opens_a_window_that_blocks_the_final_one(
    client, login, make_user, make_proposal
):
    proposal = make_proposal(S.PUBLISHED)
    login(_staff_for(make_user, proposal))
    client.post(
        f"/departments/proposals/{proposal.id}/respond",
        data={
            "response-outcome": "accepted",
            "response-text": "Foreløbigt ja.",
            "response-preliminary": "y",
        },
    )
    db.session.refresh(proposal)
    assert proposal.status == S.UNDER_REVIEW
    final = client.post(
        f"/departments/proposals/{proposal.id}/respond",
        data={"response-outcome": "accepted", "response-text": "Endeligt ja."},
    )
    assert final.status_code == 400 and "foreløbige svar" in final.get_data(as_text=True)
    db.session.refresh(proposal)
    assert proposal.status == S.UNDER_REVIEW


def test_other_departments_staff_cannot_handle(
    client, login, make_user, make_proposal, make_department
):
    proposal = make_proposal(S.PUBLISHED)
    login(make_user("department_staff", departments=[make_department()]))
    assert client.get(f"/departments/proposals/{proposal.id}").status_code == 403
    client.post(f"/departments/proposals/{proposal.id}/acknowledge")
    db.session.refresh(proposal)
    assert proposal.status == S.PUBLISHED


def test_mark_implemented(client, login, make_user, make_proposal):
    proposal = make_proposal(S.ACCEPTED)
    login(_staff_for(make_user, proposal))
    client.post(
        f"/departments/proposals/{proposal.id}/implemented", data={"implemented-text": "Bygget."}
    )
    db.session.refresh(proposal)
    assert proposal.status == S.IMPLEMENTED


def test_sla_settings_validate(client, login, make_user, make_department):
    department = make_department()
    login(make_user("department_staff", departments=[department]))
    bad = client.post(
        f"/departments/{department.slug}", data={"acknowledge_days": "0", "answer_days": "x"}
    )
    assert bad.status_code == 200 and "Der er problemer" in bad.get_data(as_text=True)
    wrong_order = client.post(
        f"/departments/{department.slug}", data={"acknowledge_days": "30", "answer_days": "5"}
    )
    assert "svarfristen mindst kvitteringsfristen" in wrong_order.get_data(as_text=True)
    client.post(
        f"/departments/{department.slug}", data={"acknowledge_days": "5", "answer_days": "30"}
    )
    db.session.refresh(department)
    assert (department.sla_acknowledge_days, department.sla_answer_days) == (5, 30)


def test_after_a_step_staff_stay_on_the_handling_page_until_the_proposal_leaves_them(
    client, login, make_user, make_proposal, make_department
):
    proposal = make_proposal(S.PUBLISHED)
    login(_staff_for(make_user, proposal))
    handling = f"/departments/proposals/{proposal.id}"
    response = client.post(f"{handling}/acknowledge")
    assert response.headers["Location"] == handling
    other = make_department()
    response = client.post(
        f"{handling}/transfer",
        data={"transfer-department_id": other.id, "transfer-reason": "Det er jeres."},
    )
    # Passed on to a department they are not in: the public page is what is left to see.
    assert response.headers["Location"] == f"/proposals/{proposal.id}"


def test_the_handling_page_shows_the_proposal_its_answers_and_its_comments(
    client, login, make_user, make_proposal, make_comment
):
    proposal = make_proposal(S.PUBLISHED, body="Lys på **stien** ved skolen.")
    make_comment(proposal, body="Det er mørkt om morgenen.")
    staff = _staff_for(make_user, proposal)
    login(staff)
    client.post(
        f"/departments/proposals/{proposal.id}/respond",
        data={
            "response-outcome": "accepted",
            "response-text": "Lamperne sættes op.",
            "response-preliminary": "y",
        },
    )
    page = client.get(f"/departments/proposals/{proposal.id}").get_data(as_text=True)
    assert "Lys på <strong>stien</strong> ved skolen." in page
    assert "Svar fra kommunen" in page and "Lamperne sættes op." in page
    assert "Det er mørkt om morgenen." in page
