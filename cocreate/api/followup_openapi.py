"""The follow-up's part of the OpenAPI document: its paths and schemas (addMilestone,
updateMilestone, createProgressUpdate), beside each other as the calls' are."""

from cocreate.api.followup import MILESTONE_CHANGES, NEW_MILESTONE, NEW_PROGRESS_UPDATE
from cocreate.api.inputs import ID_MAX
from cocreate.api.schemas import BOOLEAN, INTEGER, STRING, TIMESTAMP, record, ref

DATE = {"type": "string", "format": "date"}
MILESTONE_ID = {
    "name": "milestone_id",
    "in": "path",
    "required": True,
    "schema": {"type": "integer", "minimum": 1, "maximum": ID_MAX},
}
WHO = "staff of the owning department; the proposal accepted, partly or wholly, or implemented"


def follow_up_paths(operation, account, write_errors, proposal_id) -> dict:
    """The follow-up's paths, with the document's own operation(), security and proposal id."""
    milestones = "/proposals/{id}/milestones"
    return {
        milestones: {
            "parameters": [proposal_id],
            "post": operation(
                "addMilestone",
                f"Plan a step in carrying out a proposal ({WHO})",
                "departments",
                (201, "Milestone", "The milestone."),
                write_errors,
                security=account,
                body="NewMilestone",
            ),
        },
        milestones + "/{milestone_id}": {
            "parameters": [proposal_id, MILESTONE_ID],
            "patch": operation(
                "updateMilestone",
                f"Change a milestone, or record it reached or not ({WHO}); a field left out "
                "stays as it is, and a milestone of another proposal is not found",
                "departments",
                (200, "Milestone", "The milestone as it now stands."),
                write_errors,
                security=account,
                body="MilestoneChanges",
            ),
        },
        "/proposals/{id}/updates": {
            "parameters": [proposal_id],
            "post": operation(
                "createProgressUpdate",
                f"Tell the public how a proposal is going ({WHO})",
                "departments",
                (201, "ProgressUpdate", "The progress update."),
                write_errors,
                security=account,
                body="NewProgressUpdate",
            ),
        },
    }


def follow_up_schemas() -> dict:
    return {
        "Milestone": record(
            {
                "id": INTEGER,
                "title": STRING,
                "description": {**STRING, "description": "Plain text."},
                "planned_on": DATE,
                "done_on": {**DATE, "type": ["string", "null"]},
                "overdue": {
                    **BOOLEAN,
                    "description": "The planned day has passed (in the municipality's time "
                    "zone) and the milestone is not done.",
                },
            },
            "A planned step in carrying out an accepted proposal.",
        ),
        "ProgressUpdate": record(
            {
                "id": INTEGER,
                "department_id": INTEGER,
                "author": {"oneOf": [ref("Actor"), {"type": "null"}]},
                "text_html": {"type": "string", "description": "Sanitised HTML."},
                "created_at": TIMESTAMP,
            },
            "A dated public note from the owning department on how the proposal is going.",
        ),
        "NewMilestone": NEW_MILESTONE.schema(),
        "MilestoneChanges": MILESTONE_CHANGES.schema(),
        "NewProgressUpdate": NEW_PROGRESS_UPDATE.schema(),
    }
