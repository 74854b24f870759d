"""Following a call for proposals: stored here, told by the calls' notices."""

from flask_babel import gettext as _
from sqlalchemy import delete, select

from cocreate.calls.models import Call, CallFollow
from cocreate.calls.permissions import can_follow_call
from cocreate.core.errors import PermissionDenied
from cocreate.core.once import insert_once
from cocreate.core.permissions import is_account
from cocreate.extensions import db


def follow_call(call: Call, user) -> bool:
    """Follow a published call; tell whether it was not followed before."""
    if not can_follow_call(user, call):
        raise PermissionDenied(_("Log ind for at følge indkaldelsen."))
    return insert_once(CallFollow.__table__, user_id=user.id, call_id=call.id)


def unfollow_call(call: Call, user) -> bool:
    """Stop following a call; tell whether the account followed it."""
    if not is_account(user):
        raise PermissionDenied(_("Log ind for at følge indkaldelsen."))
    condition = (CallFollow.user_id == user.id) & (CallFollow.call_id == call.id)
    return db.session.execute(delete(CallFollow.__table__).where(condition)).rowcount == 1


def follows_call(user, call: Call) -> bool:
    """Whether the account follows the call (a visitor follows nothing)."""
    if not is_account(user):
        return False
    found = select(CallFollow.id).where(
        CallFollow.user_id == user.id, CallFollow.call_id == call.id
    )
    return db.session.scalar(found) is not None
