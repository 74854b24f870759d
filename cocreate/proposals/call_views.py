"""The public pages of calls for proposals: every call by phase, and one call with its
proposals (the list's filters and sorts), its figures and its dates."""

from flask import render_template
from flask_login import current_user

from cocreate.calls.follows import follows_call
from cocreate.calls.permissions import can_create_call, can_follow_call, can_manage_call
from cocreate.calls.views import bp
from cocreate.proposals.calls import PHASE_ORDER, phased_calls, visible_call
from cocreate.proposals.listing import listing


@bp.get("/calls")
def index():
    calls = phased_calls(current_user)
    by_phase = {phase: [c for c in calls if c.phase == phase] for phase in PHASE_ORDER}
    return render_template(
        "calls/index.html",
        by_phase=by_phase,
        can_create=can_create_call(current_user),
    )


@bp.get("/calls/<int:call_id>")
def detail(call_id: int):
    phased = visible_call(call_id, current_user)
    listed = listing(call=phased.call)
    return render_template(
        "calls/detail.html",
        phased=phased,
        call=phased.call,
        can_manage=can_manage_call(current_user, phased.call),
        can_follow=can_follow_call(current_user, phased.call),
        following=follows_call(current_user, phased.call),
        **listed.context(),
    ), listed.status
