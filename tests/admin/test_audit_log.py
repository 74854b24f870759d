"""The audit log reads in plain words, with names instead of ids, and can be narrowed."""

from datetime import date, timedelta

from sqlalchemy import select

from cocreate.accounts.roles import Role
from cocreate.core.audit import AuditEntry
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus

S = ProposalStatus


def _log(client, query: str = "") -> str:
    page = client.get(f"/admin/audit{query}").get_data(as_text=True)
    return page[page.index('role="status"') :]


def test_actions_fields_and_values_read_as_words_with_names(
    client, login, make_user, make_proposal
):
    proposal = make_proposal(S.ACCEPTED)
    login(make_user(Role.ADMIN))
    log = _log(client)
    assert "Forslag besvaret" in log and "Forslag fordelt" in log
    assert f'<a href="/proposals/{proposal.id}">Forslaget «' in log
    assert proposal.department.name in log and "Imødekommet" in log
    for code in ("proposal.answered", "under_review", "department_id", "None", "False"):
        assert code not in log, code


def test_an_answer_s_cost_and_months_read_as_words(client, login, make_user, make_proposal):
    plan = {
        "cost_estimate": 250_000,
        "planned_from": date(2027, 3, 1),
        "planned_to": date(2027, 6, 1),
    }
    make_proposal(S.ACCEPTED, plan=plan)
    login(make_user(Role.ADMIN))
    log = _log(client)
    for words in ("Anslået pris", "250000", "Planlagt fra", "2027-03", "Planlagt til", "2027-06"):
        assert words in log, words
    for code in ("cost_estimate", "planned_from", "planned_to"):
        assert code not in log, code


def test_the_demo_municipalitys_whole_log_reads_without_a_code(app, runner):
    from cocreate.admin.audit_log import FIELD_LABELS, audit_rows
    from cocreate.admin.forms import ACTION_LABELS

    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    entries = db.session.scalars(select(AuditEntry)).all()
    assert {entry.action for entry in entries} <= set(ACTION_LABELS)
    labels = {str(label) for label in FIELD_LABELS.values()}
    with app.test_request_context():
        rows = audit_rows(entries)
    for row in rows:
        assert "(slettet)" not in row.subject, row.entry.action
        for change in row.changes:
            assert change.label in labels, change
            assert {change.before, change.after}.isdisjoint({"None", "True", "False"}), change


def test_the_log_narrows_by_what_who_and_when(client, login, make_user, make_proposal):
    make_proposal(S.PUBLISHED)
    admin = login(make_user(Role.ADMIN))
    old = db.session.scalars(select(AuditEntry)).first()
    old.created_at = utcnow() - timedelta(days=40)
    db.session.commit()
    everything = db.session.scalar(select(db.func.count(AuditEntry.id)))
    assert f"{everything} ændringer" in _log(client)
    assert "0 ændringer" in _log(client, "?subject_type=organisation")
    assert "0 ændringer" in _log(client, f"?actor_id={admin.id}")
    recent = (utcnow() - timedelta(days=7)).date().isoformat()
    assert f"{everything - 1} ændringer" in _log(client, f"?since={recent}")


def test_nonsense_filters_are_ignored_not_a_server_error(client, login, make_user):
    login(make_user(Role.ADMIN))
    for query in ("?since=31-31-2026", "?until=x", "?actor_id=abc", "?subject_type=<b>", "?page=x"):
        assert client.get(f"/admin/audit{query}").status_code == 200
