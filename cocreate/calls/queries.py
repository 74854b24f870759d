"""Reading calls for proposals in SQL, as the permissions allow."""

from sqlalchemy import ColumnElement, true

from cocreate.accounts.roles import Role
from cocreate.calls.models import Call
from cocreate.core.permissions import is_account


def calls_visible_to(user) -> ColumnElement[bool]:
    """can_view_call (calls/permissions.py) as SQL, for lists: published calls, and the
    drafts the user manages."""
    if is_account(user) and user.has_role(Role.ADMIN):
        return true()
    published = Call.published_at.is_not(None)
    if is_account(user) and user.has_role(Role.DEPARTMENT_STAFF) and user.department_ids:
        return published | Call.department_id.in_(user.department_ids)
    return published
