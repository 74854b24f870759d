"""Starting, changing and publishing calls: every rule refuses by field and changes nothing."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from cocreate.accounts.roles import Role
from cocreate.calls.services import create_call, publish_call, update_call
from cocreate.core.audit import AuditEntry
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.strategy.models import Department


@pytest.fixture
def fields(make_theme):
    theme = make_theme()
    now = utcnow()
    return {
        "title": "Hvordan gør vi skolevejen tryg?",
        "intro": "Send **jeres** idéer <script>alert(1)</script>",
        "theme_ids": [theme.id],
        "department_id": theme.department_id,
        "opens_at": now + timedelta(days=1),
        "closes_at": now + timedelta(days=30),
        "answers_by": (now + timedelta(days=60)).date(),
    }


def test_staff_start_a_draft_call_for_their_department(make_user, fields):
    department = db.session.get(Department, fields["department_id"])
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[department])

    call = create_call(staff, **fields)
    db.session.commit()

    assert not call.is_published
    assert "<script>" not in call.intro_html and "<strong>jeres</strong>" in call.intro_html
    assert call.themes[0].id == fields["theme_ids"][0]
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "call.created"))
    assert entry.subject_id == call.id and entry.after["published"] is False


def test_a_citizen_starts_no_call(make_user, fields):
    with pytest.raises(PermissionDenied):
        create_call(make_user(), **fields)


def test_staff_of_another_department_may_not_call_for_this_one(make_user, make_department, fields):
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[make_department()])

    with pytest.raises(PermissionDenied):
        create_call(staff, **fields)


def test_every_wrong_field_is_named_at_once_and_nothing_is_written(make_user, fields):
    from cocreate.calls.models import Call

    now = utcnow()
    wrong = {
        **fields,
        "title": " ",
        "intro": "",
        "theme_ids": [],
        "opens_at": now + timedelta(days=5),
        "closes_at": now + timedelta(days=4),
        "answers_by": (now + timedelta(days=1)).date(),
    }

    with pytest.raises(ValidationFailed) as refused:
        create_call(make_user(Role.ADMIN), **wrong)

    assert set(refused.value.fields) == {"title", "intro", "theme_ids", "closes_at", "answers_by"}
    db.session.rollback()
    assert db.session.scalar(select(Call)) is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"theme_ids": [2_000_000]}, "theme_ids"),
        ({"department_id": 2_000_000}, "department_id"),
        ({"opens_at": utcnow() + timedelta(days=4 * 366)}, "opens_at"),
        ({"closes_at": utcnow() + timedelta(days=400)}, "closes_at"),
        ({"closes_at": utcnow() - timedelta(minutes=1)}, "closes_at"),
        ({"answers_by": date(2099, 1, 1)}, "answers_by"),
    ],
)
def test_out_of_bounds_values_are_refused_by_field(make_user, fields, change, field):
    with pytest.raises(ValidationFailed) as refused:
        create_call(make_user(Role.ADMIN), **{**fields, **change})

    assert field in refused.value.fields


def test_an_open_call_may_only_be_extended_and_the_extension_is_audited(make_user, make_call):
    call = make_call()
    admin = make_user(Role.ADMIN)
    kept = {
        "title": call.title,
        "intro": call.intro,
        "theme_ids": call.theme_ids,
        "department_id": call.department_id,
        "opens_at": call.opens_at,
        "answers_by": None,
    }
    old_close = call.closes_at

    with pytest.raises(ValidationFailed) as shortened:
        update_call(call, admin, **kept, closes_at=old_close - timedelta(days=1))
    db.session.rollback()
    with pytest.raises(ValidationFailed) as moved:
        update_call(
            call,
            admin,
            **{**kept, "opens_at": call.opens_at + timedelta(hours=1)},
            closes_at=old_close,
        )
    db.session.rollback()
    update_call(call, admin, **kept, closes_at=old_close + timedelta(days=7))
    db.session.commit()

    assert set(shortened.value.fields) == {"closes_at"}
    assert set(moved.value.fields) == {"opens_at"}
    assert call.closes_at == old_close + timedelta(days=7)
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "call.extended"))
    assert entry.before["closes_at"] == old_close.isoformat()
    assert entry.after["closes_at"] == call.closes_at.isoformat()


def test_a_draft_is_published_once(make_user, make_call):
    call = make_call(publish=False)
    admin = make_user(Role.ADMIN)

    publish_call(call, admin)
    db.session.commit()

    assert call.is_published
    with pytest.raises(TransitionNotAllowed):
        publish_call(call, admin)


def test_the_audit_log_tells_a_call_s_changes_in_words(client, login, make_user, make_call):
    call = make_call()
    admin = make_user(Role.ADMIN)
    update_call(
        call,
        admin,
        title=call.title,
        intro=call.intro,
        theme_ids=call.theme_ids,
        department_id=call.department_id,
        opens_at=call.opens_at,
        closes_at=call.closes_at + timedelta(days=3),
        answers_by=None,
    )
    db.session.commit()
    login(admin)

    page = client.get("/admin/audit").get_data(as_text=True)
    page = page[page.index('role="status"') :]  # the log itself, not its filters

    assert "Indkaldelse forlænget" in page and "Indkaldelse oprettet" in page
    assert f'<a href="/calls/{call.id}">Indkaldelsen «' in page
    assert call.themes[0].title in page and "Lukker" in page
    assert "call.extended" not in page and "theme_ids" not in page
