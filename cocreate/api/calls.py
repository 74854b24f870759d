"""Calls for proposals: the list by phase, one call, and a new one (listCalls, getCall,
createCall)."""

from flask import jsonify, request, url_for
from flask_babel import gettext as _

from cocreate.api import bp
from cocreate.api.auth import current_account, require_account
from cocreate.api.inputs import (
    ID_MAX,
    Body,
    Choice,
    Flag,
    IdList,
    Integer,
    Invalid,
    IsoDate,
    Moment,
    Text,
    read_body,
    refuse_if,
)
from cocreate.api.serializers import call_data
from cocreate.calls.models import CALL_INTRO_MAX, CALL_TITLE_MAX, CallPhase
from cocreate.calls.services import create_call
from cocreate.extensions import db
from cocreate.proposals.calls import phased_calls, visible_call
from cocreate.strategy.models import Theme
from cocreate.strategy.queries import named

CALL_PATH = f"/calls/<int(max={ID_MAX}):call_id>"
THEMES_MAX = 10
PHASE = Choice("phase", CallPhase, required=False)
NEW_CALL = Body(
    Text("title", max_length=CALL_TITLE_MAX),
    Text("intro", max_length=CALL_INTRO_MAX, description="Markdown; HTML in it is shown as text."),
    IdList("theme_ids", max_items=THEMES_MAX),
    Integer("department_id", description="The department that gets and answers the proposals."),
    Moment("opens_at"),
    Moment("closes_at", description="Proposals must be sent before this moment."),
    IsoDate(
        "answers_by", required=False, nullable=True, description="The day answers are promised by."
    ),
    Flag(
        "publish",
        required=False,
        default=True,
        description="false keeps the call a draft, seen only by its department and admins.",
    ),
)


@bp.get("/calls")
def list_calls():
    """List the calls, open ones first, by phase and theme if asked (listCalls)."""
    errors, phase, theme = {}, None, None
    if raw := request.args.get("phase"):
        try:
            phase = PHASE.check(raw)
        except Invalid as error:
            errors["phase"] = str(error)
    if raw := (request.args.get("theme") or "").strip():
        theme = named(Theme, raw)
        if theme is None:
            errors["theme"] = _("Ukendt værdi: %(value)s.", value=raw)
    refuse_if(errors)
    found = phased_calls(current_account(), phase=phase, theme=theme)
    return jsonify({"items": [call_data(phased) for phased in found]})


@bp.get(CALL_PATH)
def get_call(call_id: int):
    """Show one call with its phase and figures (getCall)."""
    return jsonify(call_data(visible_call(call_id, current_account())))


@bp.post("/calls")
def create_call_view():
    """Start a call for proposals (createCall)."""
    actor = require_account()
    call = create_call(actor, **read_body(NEW_CALL))
    db.session.commit()
    response = jsonify(call_data(visible_call(call.id, actor)))
    response.headers["Location"] = url_for("api.get_call", call_id=call.id)
    return response, 201
