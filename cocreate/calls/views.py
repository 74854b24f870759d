"""Staff pages for calls for proposals: start one, change it, publish it. The public pages
(/calls, /calls/<id>) list what was sent to them and live with the proposals."""

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from cocreate.calls import follows, services
from cocreate.calls.forms import CallForm
from cocreate.calls.models import Call
from cocreate.calls.permissions import can_create_call, can_manage_call, can_view_call
from cocreate.core.views import carried_out, get_or_404, perform, require, tell_change

bp = Blueprint("calls", __name__)


@bp.route("/calls/new", methods=["GET", "POST"])
@login_required
def new():
    require(can_create_call(current_user))
    form = CallForm(actor=current_user)
    if form.validate_on_submit():
        publish = bool(form.publish.data)
        answer = carried_out(
            lambda: services.create_call(current_user, publish=publish, **form.content()),
            _("Indkaldelsen er offentliggjort.")
            if publish
            else _("Indkaldelsen er gemt som kladde."),
            lambda call: url_for("calls.detail", call_id=call.id),
            form,
        )
        if answer is not None:
            return answer
    return render_template("calls/form.html", form=form, call=None)


@bp.route("/calls/<int:call_id>/edit", methods=["GET", "POST"])
@login_required
def edit(call_id: int):
    call = _call_or_404(call_id)
    require(can_manage_call(current_user, call))
    form = CallForm(actor=current_user, call=call)
    if form.validate_on_submit():
        answer = carried_out(
            lambda: services.update_call(
                call, current_user, publish=bool(form.publish.data), **form.content()
            ),
            _("Indkaldelsen er gemt."),
            url_for("calls.detail", call_id=call.id),
            form,
        )
        if answer is not None:
            return answer
    return render_template("calls/form.html", form=form, call=call)


@bp.post("/calls/<int:call_id>/publish")
@login_required
def publish(call_id: int):
    call = _call_or_404(call_id)
    require(can_manage_call(current_user, call))
    answer = carried_out(
        lambda: services.publish_call(call, current_user),
        _("Indkaldelsen er offentliggjort."),
        url_for("calls.detail", call_id=call.id),
    )
    return answer or redirect(url_for("calls.detail", call_id=call.id))


def _call_or_404(call_id: int) -> Call:
    """The call, if the visitor may see it: a draft is as good as not there to others."""
    call = get_or_404(Call, call_id)
    if not can_view_call(current_user, call):
        abort(404)
    return call


def _engage(call_id: int, step, changed: str, unchanged: str):
    """Follow a call or stop, say whether that changed anything, and go back to it."""
    call = _call_or_404(call_id)
    done, changing = perform(lambda: step(call, current_user))
    tell_change(done, changing, changed, unchanged)
    return redirect(url_for("calls.detail", call_id=call.id))


@bp.post("/calls/<int:call_id>/follow")
@login_required
def follow(call_id: int):
    return _engage(
        call_id,
        follows.follow_call,
        _("Du følger nu indkaldelsen og får besked, når den åbner, lukker og er besvaret."),
        _("Du følger allerede indkaldelsen."),
    )


@bp.post("/calls/<int:call_id>/unfollow")
@login_required
def unfollow(call_id: int):
    return _engage(
        call_id,
        follows.unfollow_call,
        _("Du følger ikke længere indkaldelsen."),
        _("Du fulgte ikke indkaldelsen."),
    )
