"""Who may see and manage a call, as a role × phase grid (X: the predicate holds)."""

from datetime import timedelta

import pytest
from flask_login import AnonymousUserMixin

from cocreate.accounts.roles import Role
from cocreate.calls.permissions import can_create_call, can_manage_call, can_view_call
from cocreate.core.types import utcnow
from cocreate.extensions import db

ROLES = ("anonymous", "citizen", "moderator", "own_staff", "other_staff", "panel", "admin")
STATES = ("draft", "upcoming", "open", "closed")


def _grid(text: str) -> dict[str, dict[str, bool]]:
    rows = [line.split() for line in text.strip().splitlines()]
    assert tuple(rows[0]) == ROLES
    grid = {
        cells[0]: dict(zip(ROLES, (c == "X" for c in cells[1:]), strict=True)) for cells in rows[1:]
    }
    assert tuple(grid) == STATES
    return grid


# A draft is its department's and the admins'; a published call is everyone's to read.
VIEW = _grid("""
          anonymous citizen moderator own_staff other_staff panel admin
draft         .        .        .         X          .        .     X
upcoming      X        X        X         X          X        X     X
open          X        X        X         X          X        X     X
closed        X        X        X         X          X        X     X
""")

# The owning department's staff and the admins change it, in every phase.
MANAGE = _grid("""
          anonymous citizen moderator own_staff other_staff panel admin
draft         .        .        .         X          .        .     X
upcoming      .        .        .         X          .        .     X
open          .        .        .         X          .        .     X
closed        .        .        .         X          .        .     X
""")


@pytest.fixture
def people(make_user, make_department):
    own, other = make_department(), make_department()
    return own, {
        "anonymous": AnonymousUserMixin(),
        "citizen": make_user(),
        "moderator": make_user(Role.MODERATOR),
        "own_staff": make_user(Role.DEPARTMENT_STAFF, departments=[own]),
        "other_staff": make_user(Role.DEPARTMENT_STAFF, departments=[other]),
        "panel": make_user(Role.PANEL_MEMBER),
        "admin": make_user(Role.ADMIN),
    }


def _call_in(state, make_call, make_theme, department):
    now = utcnow()
    dates = {
        "draft": {},
        "upcoming": {"opens_at": now + timedelta(days=2)},
        "open": {},
        "closed": {"opens_at": now - timedelta(days=9), "closes_at": now - timedelta(days=1)},
    }[state]
    return make_call(themes=[make_theme(department=department)], publish=state != "draft", **dates)


@pytest.mark.parametrize("state", STATES)
def test_role_by_phase_grid(people, make_call, make_theme, state):
    department, accounts = people
    call = _call_in(state, make_call, make_theme, department)
    db.session.refresh(call)

    seen = {role: can_view_call(user, call) for role, user in accounts.items()}
    managed = {role: can_manage_call(user, call) for role, user in accounts.items()}

    assert seen == VIEW[state]
    assert managed == MANAGE[state]


def test_staff_and_admins_start_calls_and_no_one_else(people):
    department, accounts = people

    may = {role for role, user in accounts.items() if can_create_call(user)}

    assert may == {"own_staff", "other_staff", "admin"}
    assert not can_create_call(accounts["other_staff"], department)
