"""The calls' part of the OpenAPI document: their paths and schemas (listCalls, getCall,
createCall), kept beside each other so that the document's modules stay small."""

from cocreate.api.calls import NEW_CALL, PHASE
from cocreate.api.inputs import ID_MAX, query_parameter
from cocreate.api.schemas import (
    COUNT,
    INTEGER,
    NULLABLE_ID,
    STRING,
    TIMESTAMP,
    items_of,
    record,
    values,
)
from cocreate.calls.models import CallPhase

CALL_ID = {
    "name": "id",
    "in": "path",
    "required": True,
    "schema": {"type": "integer", "minimum": 1, "maximum": ID_MAX},
}


def call_paths(operation, anyone, account, write_errors) -> dict:
    """The paths of the calls, with the document's own operation() and security."""
    theme = {
        "name": "theme",
        "in": "query",
        "schema": {"type": "string", "description": "A theme's id or slug."},
    }
    return {
        "/calls": {
            "get": operation(
                "listCalls",
                "List the calls for proposals, open ones first (drafts only to those who "
                "manage them)",
                "calls",
                (200, "CallList", "The calls."),
                (400, 401, 422),
                security=anyone,
                parameters=[query_parameter(PHASE), theme],
            ),
            "post": operation(
                "createCall",
                "Start a call for proposals (an admin, or staff of the owning department)",
                "calls",
                (201, "Call", "The call."),
                write_errors,
                security=account,
                body="NewCall",
            ),
        },
        "/calls/{id}": {
            "parameters": [CALL_ID],
            "get": operation(
                "getCall",
                "Show one call with its phase and figures (a draft only to those who manage it)",
                "calls",
                (200, "Call", "The call."),
                (401, 404),
                security=anyone,
            ),
        },
    }


def call_schemas() -> dict:
    return {
        "Call": record(
            {
                "id": INTEGER,
                "title": STRING,
                "intro_html": STRING,
                "theme_ids": {"type": "array", "items": INTEGER},
                "department_id": INTEGER,
                "opens_at": TIMESTAMP,
                "closes_at": TIMESTAMP,
                "answers_by": {"type": ["string", "null"], "format": "date"},
                "published": {"type": "boolean"},
                "phase": values(CallPhase),
                "days_left": {
                    **NULLABLE_ID,
                    "description": "While open: whole days until the close (0 on the last day).",
                },
                "counts": record(
                    {"received": COUNT, "published": COUNT, "answered": COUNT, "accepted": COUNT}
                ),
                "url": {"type": "string", "format": "uri", "description": "Its page."},
            },
            "A call for proposals: open from opens_at until closes_at. Its phase follows "
            "from the clock, and is answered once closed with every proposal answered.",
        ),
        "CallList": items_of("Call", "The calls, open ones first."),
        "NewCall": NEW_CALL.schema(),
    }
