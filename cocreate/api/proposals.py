"""Proposals: the public list, one proposal, a new one, and the similar ones of one being
written (list/get/create/findSimilarProposals)."""

from flask import current_app, jsonify, request, url_for

from cocreate.api import bp
from cocreate.api.auth import current_account, require_account
from cocreate.api.inputs import (
    ID_MAX,
    Body,
    IdList,
    Integer,
    Text,
    query_integer,
    query_text,
    read_body,
    refuse_if,
)
from cocreate.api.serializers import page_data, proposal_data, proposal_summary, similar_data
from cocreate.core.errors import ValidationFailed
from cocreate.core.pagination import MAX_PER_PAGE, paginate
from cocreate.extensions import db
from cocreate.proposals.models import BODY_MAX, SUMMARY_MAX, TITLE_MAX
from cocreate.proposals.queries import (
    load_proposal,
    parse_filters,
    public_proposals,
    total_max,
    visible_proposal,
)
from cocreate.proposals.services import create_proposal
from cocreate.proposals.similar.find import similar_proposals

PROPOSAL_PATH = f"/proposals/<int(max={ID_MAX}):proposal_id>"
# Bounds on input, so that no request can build an oversized IN list or OFFSET.
THEMES_MAX = 10
PAGE_MAX = 100_000

PAGE = Integer("page", required=False, default=1, maximum=PAGE_MAX)
NEW_PROPOSAL = Body(
    Text("title", max_length=TITLE_MAX),
    Text("summary", max_length=SUMMARY_MAX),
    Text("body", max_length=BODY_MAX, description="Markdown; HTML in it is shown as text."),
    IdList("theme_ids", max_items=THEMES_MAX, description="The first theme decides the owner."),
    Integer(
        "organisation_id",
        required=False,
        nullable=True,
        description="An organisation the account is a member of (verified or not), "
        "to propose on its behalf.",
    ),
    Integer(
        "call_id",
        required=False,
        nullable=True,
        description="An open call for proposals to send it to (see listCalls); refused "
        "before the call opens and once it has closed.",
    ),
)


def per_page_field() -> Integer:
    default = current_app.config["PER_PAGE"]
    return Integer("per_page", required=False, default=default, maximum=MAX_PER_PAGE)


def read_paging(args, errors: dict) -> tuple[int, int]:
    """Read page and per_page, adding a message to errors for each bad one."""
    return query_integer(args, PAGE, errors), query_integer(args, per_page_field(), errors)


def acting_on(proposal_id: int):
    """The account that sent the request, and the proposal it acts on if it may see it."""
    actor = require_account()
    return actor, visible_proposal(proposal_id, actor)


def changed_proposal(proposal_id: int, viewer, status: int = 200):
    """Commit the change, and answer with the proposal as getProposal shows it now."""
    db.session.commit()
    return jsonify(proposal_data(load_proposal(proposal_id), viewer)), status


@bp.get("/proposals")
def list_proposals():
    """List public proposals, filtered, sorted and a page at a time (listProposals)."""
    errors = {}
    page, per_page = read_paging(request.args, errors)
    try:
        filters = parse_filters(request.args)
    except ValidationFailed as error:
        errors.update(error.fields)
    refuse_if(errors)
    result = paginate(public_proposals(filters), page, per_page, total_max(filters))
    return jsonify(page_data(result, proposal_summary))


@bp.get(PROPOSAL_PATH)
def get_proposal(proposal_id: int):
    """Show one proposal with its history and answers (getProposal)."""
    viewer = current_account()
    return jsonify(proposal_data(visible_proposal(proposal_id, viewer), viewer))


@bp.post("/proposals")
def create_proposal_view():
    """Create a proposal and submit it to moderation (createProposal)."""
    author = require_account()
    proposal = create_proposal(author, **read_body(NEW_PROPOSAL))
    response, status = changed_proposal(proposal.id, author, 201)
    response.headers["Location"] = url_for("api.get_proposal", proposal_id=proposal.id)
    return response, status


SIMILAR_TITLE = Text("title", max_length=TITLE_MAX, description="The title being written.")
SIMILAR_SUMMARY = Text(
    "summary", required=False, max_length=SUMMARY_MAX, description="The summary, if written."
)


@bp.get("/proposals/similar")
def find_similar_proposals():
    """Up to five public proposals that are probably the same idea (findSimilarProposals)."""
    errors = {}
    title = query_text(request.args, SIMILAR_TITLE, errors)
    summary = query_text(request.args, SIMILAR_SUMMARY, errors)
    refuse_if(errors)
    found = similar_proposals(title, summary)
    return jsonify({"items": [similar_data(similar) for similar in found]})
