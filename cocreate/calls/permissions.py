"""Who may start, change and see a call for proposals."""

from cocreate.accounts.permissions import works_for
from cocreate.core.permissions import is_account


def can_create_call(user, department=None) -> bool:
    """Admins start calls for any department, staff for their own; without a department,
    whether the account may start one at all (the menu asks this)."""
    return works_for(user, department)


def can_manage_call(user, call) -> bool:
    """Admins and staff of the owning department edit, publish and follow up a call."""
    return can_create_call(user, call.department)


def can_view_call(user, call) -> bool:
    """A published call is public; a draft only for those who manage it."""
    return call.is_published or can_manage_call(user, call)


def can_follow_call(user, call) -> bool:
    """Any account follows a published call."""
    return is_account(user) and call.is_published
