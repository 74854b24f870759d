"""The OpenAPI 3.1 document at /api/v1/openapi.json; its operationIds are a contract."""

from flask import jsonify

from cocreate.api import bp
from cocreate.api.calls_openapi import call_paths, call_schemas
from cocreate.api.followup_openapi import follow_up_paths, follow_up_schemas
from cocreate.api.inputs import ID_MAX, query_parameter
from cocreate.api.proposals import PAGE, SIMILAR_SUMMARY, SIMILAR_TITLE, per_page_field
from cocreate.api.schemas import component_schemas, ref
from cocreate.proposals.lifecycle import PUBLIC_STATUSES
from cocreate.proposals.queries import Q_MAX, ProposalSort

ERRORS = {
    400: (
        "BadRequest",
        "The body is not a JSON object, or was not sent as application/json "
        "(code `unsupported_media_type`).",
    ),
    401: (
        "Unauthorized",
        "No bearer token where an account is needed, or a token that is invalid or revoked. "
        "Comes with `WWW-Authenticate: Bearer`.",
    ),
    403: ("Forbidden", "The account may not do this to this proposal."),
    404: ("NotFound", "No such proposal, or one the account may not see."),
    409: (
        "Conflict",
        "Not allowed from the proposal's current status (code `transition_not_allowed`), "
        "or someone changed the proposal first (code `conflict`).",
    ),
    413: ("TooLarge", "The body is larger than the server accepts."),
    422: ("ValidationFailed", "Some input is wrong; `error.fields` has a message for each."),
}
ANYONE = [{}, {"bearer": []}]
ACCOUNT = [{"bearer": []}]
WRITE_ERRORS = (400, 401, 403, 404, 409, 413, 422)

PROPOSAL_ID = {
    "name": "id",
    "in": "path",
    "required": True,
    "schema": {"type": "integer", "minimum": 1, "maximum": ID_MAX},
}


def _json(schema_name: str, description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": ref(schema_name)}},
    }


def _operation(
    operation_id: str,
    summary: str,
    tag: str,
    ok: tuple[int, str, str],
    errors: tuple[int, ...],
    *,
    security=ANYONE,
    parameters=(),
    body: str | None = None,
) -> dict:
    status, schema_name, description = ok
    responses = {str(status): _json(schema_name, description)}
    for code in errors:
        responses[str(code)] = {"$ref": f"#/components/responses/{ERRORS[code][0]}"}
    operation = {
        "operationId": operation_id,
        "summary": summary,
        "tags": [tag],
        "security": security,
        "responses": responses,
    }
    if parameters:
        operation["parameters"] = list(parameters)
    if body:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": ref(body)}},
        }
    return operation


def _list_parameters() -> list[dict]:
    lookup = {"type": "string", "description": "An id or a slug."}
    return [
        {
            "name": "q",
            "in": "query",
            "description": "Words in the title or summary.",
            "schema": {"type": "string", "maxLength": Q_MAX},
        },
        {"name": "theme", "in": "query", "schema": lookup},
        {"name": "department", "in": "query", "schema": lookup},
        {
            "name": "status",
            "in": "query",
            "schema": {"type": "string", "enum": sorted(s.value for s in PUBLIC_STATUSES)},
        },
        {
            "name": "sort",
            "in": "query",
            "schema": {
                "type": "string",
                "enum": [s.value for s in ProposalSort],
                "default": ProposalSort.NEWEST.value,
            },
            "description": "best_match (the default when q has words) orders by how well"
            " a proposal matches q; without q it is newest.",
        },
        *_paging_parameters(),
    ]


def _stats_parameters() -> list[dict]:
    day = {"type": "string", "format": "date", "description": "Default: the last 12 months."}
    lookup = {"type": "string", "description": "An id or a slug."}
    return [
        {"name": "from", "in": "query", "schema": day},
        {"name": "to", "in": "query", "schema": day},
        {"name": "theme", "in": "query", "schema": lookup},
        {"name": "department", "in": "query", "schema": lookup},
    ]


def _paging_parameters() -> list[dict]:
    return [query_parameter(PAGE), query_parameter(per_page_field())]


def _paths() -> dict:
    proposal_path = "/proposals/{id}"
    return {
        **call_paths(_operation, ANYONE, ACCOUNT, WRITE_ERRORS),
        **follow_up_paths(_operation, ACCOUNT, WRITE_ERRORS, PROPOSAL_ID),
        "/themes": {
            "get": _operation(
                "listThemes",
                "List the strategy themes",
                "strategy",
                (200, "ThemeList", "Every theme."),
                (401,),
            )
        },
        "/stats": {
            "get": _operation(
                "getStats",
                "The barometer's figures by theme and department",
                "stats",
                (200, "Stats", "The figures for the period."),
                (400, 401),
                parameters=_stats_parameters(),
            )
        },
        "/departments": {
            "get": _operation(
                "listDepartments",
                "List the departments",
                "departments",
                (200, "DepartmentList", "Every department."),
                (401,),
            )
        },
        "/proposals": {
            "get": _operation(
                "listProposals",
                "List public proposals",
                "proposals",
                (200, "ProposalPage", "One page of public proposals."),
                (401, 422),
                parameters=_list_parameters(),
            ),
            "post": _operation(
                "createProposal",
                "Create a proposal and submit it to moderation",
                "proposals",
                (201, "Proposal", "Created; `Location` points to the new proposal."),
                (400, 401, 413, 422),
                security=ACCOUNT,
                body="NewProposal",
            ),
        },
        "/proposals/similar": {
            "get": _operation(
                "findSimilarProposals",
                "Find up to five public proposals that are probably the same idea as a title "
                "and summary being written",
                "proposals",
                (200, "SimilarProposalList", "The likeliest first; none is an empty list."),
                (401, 422),
                parameters=[query_parameter(SIMILAR_TITLE), query_parameter(SIMILAR_SUMMARY)],
            )
        },
        proposal_path: {
            "parameters": [PROPOSAL_ID],
            "get": _operation(
                "getProposal",
                "Show a proposal (public ones to anyone; "
                "others to the author, co-authors and staff)",
                "proposals",
                (200, "Proposal", "The proposal."),
                (401, 404),
            ),
        },
        f"{proposal_path}/support": {
            "parameters": [PROPOSAL_ID],
            "put": _operation(
                "supportProposal",
                "Support a published or acknowledged proposal; supporting again changes nothing",
                "proposals",
                (200, "SupportState", "The account supports the proposal."),
                (401, 404, 409),
                security=ACCOUNT,
            ),
            "delete": _operation(
                "withdrawSupport",
                "Take the account's support back, also from a proposal a moderator has since "
                "hidden; without one, nothing changes",
                "proposals",
                (200, "SupportState", "The account does not support the proposal."),
                (401, 404, 409),
                security=ACCOUNT,
            ),
        },
        f"{proposal_path}/comments": {
            "parameters": [PROPOSAL_ID],
            "get": _operation(
                "listComments",
                "List a proposal's comments with their replies; placeholders keep their place",
                "comments",
                (200, "CommentList", "The comments, oldest first."),
                (401, 404),
            ),
            "post": _operation(
                "createComment",
                "Comment on a public proposal, or reply to one of its top-level comments",
                "comments",
                (201, "Comment", "The new comment."),
                WRITE_ERRORS,
                security=ACCOUNT,
                body="NewComment",
            ),
        },
        "/moderation/queue": {
            "get": _operation(
                "getModerationQueue",
                "List submitted proposals waiting for a decision, oldest first",
                "moderation",
                (200, "ProposalPage", "One page of the queue."),
                (401, 403, 422),
                security=ACCOUNT,
                parameters=_paging_parameters(),
            )
        },
        f"{proposal_path}/moderation": {
            "parameters": [PROPOSAL_ID],
            "post": _operation(
                "decideProposal",
                "Approve (and route), request changes, or reject a submitted proposal",
                "moderation",
                (200, "Proposal", "The proposal after the decision."),
                WRITE_ERRORS,
                security=ACCOUNT,
                body="ModerationDecision",
            ),
        },
        f"{proposal_path}/transfer": {
            "parameters": [PROPOSAL_ID],
            "post": _operation(
                "transferProposal",
                "Move a proposal to another department (staff of the owning department)",
                "departments",
                (200, "Proposal", "The proposal after the move."),
                WRITE_ERRORS,
                security=ACCOUNT,
                body="Transfer",
            ),
        },
        f"{proposal_path}/responses": {
            "parameters": [PROPOSAL_ID],
            "post": _operation(
                "respondToProposal",
                "Answer a proposal (staff of the owning department)",
                "departments",
                (200, "Proposal", "The proposal after the answer."),
                WRITE_ERRORS,
                security=ACCOUNT,
                body="NewResponse",
            ),
        },
        f"{proposal_path}/panel-requests": {
            "parameters": [PROPOSAL_ID],
            "post": _operation(
                "requestPanelReview",
                "Ask the stakeholder panel to review an open proposal by a due date "
                "(a moderator or staff of the owning department)",
                "panel",
                (201, "PanelReviewRequest", "The request."),
                WRITE_ERRORS,
                security=ACCOUNT,
                body="NewPanelReviewRequest",
            ),
        },
        f"{proposal_path}/reviews": {
            "parameters": [PROPOSAL_ID],
            "post": _operation(
                "createPanelReview",
                "Review a proposal the panel has been asked about (a panel member without a "
                "conflict of interest; one review each)",
                "panel",
                (201, "PanelReview", "The review."),
                WRITE_ERRORS,
                security=ACCOUNT,
                body="NewPanelReview",
            ),
        },
        f"{proposal_path}/rating": {
            "parameters": [PROPOSAL_ID],
            "put": _operation(
                "rateAnswer",
                "Rate the final answer and the handling, 1 to 5 each (an author, co-author or "
                "supporter; one rating per account, changeable for 30 days)",
                "proposals",
                (200, "AnswerRating", "The account's rating as it now stands."),
                WRITE_ERRORS,
                security=ACCOUNT,
                body="NewAnswerRating",
            ),
        },
    }


def openapi_spec() -> dict:
    """Build the OpenAPI 3.1 document describing every operation of /api/v1."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "cocreate API",
            "version": "1.0.0",
            "description": (
                "Proposals, moderation and departments' answers. Authenticate with "
                "`Authorization: Bearer TOKEN` (a personal token from `cocreate api-token "
                'EMAIL`). Every error is `{"error": {"code", "message", "fields"}}`.'
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "paths": _paths(),
        "components": {
            "schemas": {**component_schemas(), **call_schemas(), **follow_up_schemas()},
            "responses": {
                name: _json("Error", description) for name, description in ERRORS.values()
            },
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A personal API token from `cocreate api-token EMAIL`.",
                }
            },
        },
    }


@bp.get("/openapi.json")
def openapi_document():
    """Serve the OpenAPI document."""
    return jsonify(openapi_spec())
