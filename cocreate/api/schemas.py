"""JSON Schemas of what the API returns and accepts: components of the OpenAPI document."""

import enum

from cocreate.api.comments import COMMENT_STATES, NEW_COMMENT
from cocreate.api.departments import RESPONSE, TRANSFER
from cocreate.api.moderation import DECISION
from cocreate.api.panel import PANEL_REQUEST, PANEL_REVIEW
from cocreate.api.proposals import NEW_PROPOSAL
from cocreate.api.ratings import RATING
from cocreate.core.months import ISO_MONTH
from cocreate.moderation.models import Decision, RejectionReason
from cocreate.panel.models import SCORE_CRITERIA, SCORE_MAX, SCORE_MIN, Recommendation, SeatType
from cocreate.proposals.lifecycle import Action, ProposalStatus
from cocreate.proposals.models import Outcome

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
COUNT = {"type": "integer", "minimum": 0}
BOOLEAN = {"type": "boolean"}
NULLABLE_ID = {"type": ["integer", "null"]}
TIMESTAMP = {"type": "string", "format": "date-time"}
NULLABLE_TIMESTAMP = {"type": ["string", "null"], "format": "date-time"}
SCORE = {"type": "integer", "minimum": SCORE_MIN, "maximum": SCORE_MAX}
MONTH = {"type": "string", "pattern": f"^{ISO_MONTH.pattern}$"}
MEAN_SCORE = {"type": ["number", "null"], "minimum": SCORE_MIN, "maximum": SCORE_MAX}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def values(enum_class: type[enum.Enum], nullable: bool = False) -> dict:
    choices = [member.value for member in enum_class]
    if nullable:
        return {"type": ["string", "null"], "enum": [*choices, None]}
    return {"type": "string", "enum": choices}


def record(properties: dict, description: str = "") -> dict:
    """An object whose every property is always present (null where there is none)."""
    schema = {"type": "object", "required": list(properties), "properties": properties}
    if description:
        schema["description"] = description
    return schema


def items_of(name: str, description: str) -> dict:
    return record({"items": {"type": "array", "items": ref(name)}}, description)


def event(kind: str, fields: dict, description: str) -> dict:
    common = {
        "type": {"const": kind},
        "at": TIMESTAMP,
        "actor": {"oneOf": [ref("Actor"), {"type": "null"}]},
    }
    return record({**common, **fields}, description)


PROPOSAL_SUMMARY = {
    "id": INTEGER,
    "title": STRING,
    "summary": STRING,
    "status": values(ProposalStatus),
    "theme_ids": {"type": "array", "items": INTEGER},
    "department_id": NULLABLE_ID,
    "support_count": COUNT,
    "comment_count": COUNT,
    "submitted_at": NULLABLE_TIMESTAMP,
    "published_at": NULLABLE_TIMESTAMP,
    "call_id": {**NULLABLE_ID, "description": "The call for proposals it was sent to, if any."},
}

HISTORY_EVENTS = {
    "StatusChangeEvent": event(
        "status",
        {
            "action": values(Action),
            "from_status": values(ProposalStatus),
            "to_status": values(ProposalStatus),
            "reason": STRING,
        },
        "A step of the lifecycle not told by a richer record (submit, withdraw ...).",
    ),
    "DecisionEvent": event(
        "decision",
        {
            "decision": values(Decision),
            "reason": values(RejectionReason, nullable=True),
            "note": {
                "type": ["string", "null"],
                "description": "null when the viewer may not read the moderator's note.",
            },
        },
        "A moderator's decision.",
    ),
    "RoutingEvent": event(
        "routing",
        {"from_department_id": NULLABLE_ID, "to_department_id": INTEGER, "reason": STRING},
        "A move to a department: the first routing or a transfer.",
    ),
    "ResponseEvent": event(
        "response",
        {
            "response_id": INTEGER,
            "department_id": INTEGER,
            "outcome": values(Outcome),
            "preliminary": BOOLEAN,
        },
        "A department's answer; its text is in the proposal's responses.",
    ),
    "ProgressUpdateEvent": event(
        "progress_update",
        {
            "update_id": INTEGER,
            "department_id": INTEGER,
            "text_html": {"type": "string", "description": "Sanitised HTML."},
        },
        "A progress update from the owning department on an accepted proposal.",
    ),
    "MilestoneEvent": event(
        "milestone",
        {"milestone_id": INTEGER, "title": STRING, "done_on": {"type": "string", "format": "date"}},
        "A milestone reached, at the time staff recorded it; actor is null. The milestones "
        "themselves are the proposal's milestones.",
    ),
}


def plan_properties(whose: str) -> dict:
    """The cost estimate and planned period an accepting answer may state."""
    return {
        "cost_estimate": {
            "type": ["integer", "null"],
            "minimum": 0,
            "description": f"The estimated cost in whole DKK {whose}; null if none.",
        },
        "planned_period": {
            "oneOf": [ref("PlannedPeriod"), {"type": "null"}],
            "description": f"The months the work is planned for {whose}; null if none.",
        },
    }


def component_schemas() -> dict:
    """Every named schema of the document."""
    return {
        "Error": record(
            {
                "error": record(
                    {
                        "code": STRING,
                        "message": STRING,
                        "fields": {
                            "type": "object",
                            "additionalProperties": STRING,
                            "description": "A message for each input field that is wrong.",
                        },
                    }
                )
            }
        ),
        "Actor": record({"name": STRING}, "A person, by the name shown on the site."),
        "Theme": record(
            {"id": INTEGER, "slug": STRING, "title": STRING, "department_id": INTEGER},
            "A strategy theme; department_id owns its proposals by default.",
        ),
        "ThemeList": items_of("Theme", "Every theme."),
        "Department": record({"id": INTEGER, "slug": STRING, "name": STRING}),
        "DepartmentList": items_of("Department", "Every department."),
        "SupportState": record(
            {"support_count": COUNT, "supported": BOOLEAN},
            "The proposal's support count after the change, and whether the account supports it.",
        ),
        "ProposalSummary": record(PROPOSAL_SUMMARY, "A proposal as lists show it."),
        "SimilarProposal": record(
            {
                **PROPOSAL_SUMMARY,
                "likeness": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "How probably it is the same idea; only those above the "
                    "threshold are listed.",
                },
                "url": {"type": "string", "format": "uri", "description": "Its page."},
                "answer": {
                    "oneOf": [
                        record(
                            {
                                "outcome": values(Outcome),
                                "preliminary": BOOLEAN,
                                "created_at": TIMESTAMP,
                            },
                            "The department's latest answer.",
                        ),
                        {"type": "null"},
                    ]
                },
            },
            "A public proposal that is probably the same idea.",
        ),
        "SimilarProposalList": items_of("SimilarProposal", "Up to five, the likeliest first."),
        "ProposalPage": record(
            {
                "items": {"type": "array", "items": ref("ProposalSummary")},
                "total": COUNT,
                "total_is_estimate": {
                    "type": "boolean",
                    "description": "True when a search matched more than total: it is a cap,"
                    " and the pages reach only that far; refine the search for the rest.",
                },
                "page": {"type": "integer", "minimum": 1},
                "per_page": {"type": "integer", "minimum": 1},
            },
            "One page of a list, and how many there are in all.",
        ),
        "Proposal": record(
            {
                **PROPOSAL_SUMMARY,
                "body_html": {"type": "string", "description": "Sanitised HTML."},
                "history": {"type": "array", "items": ref("HistoryEvent")},
                "responses": {"type": "array", "items": ref("Response")},
                **plan_properties(
                    "that the final answer accepting the proposal (wholly or partly) states"
                ),
                "milestones": {
                    "type": "array",
                    "items": ref("Milestone"),
                    "description": "The follow-up of an accepted proposal, soonest planned "
                    "first; empty for any other. Its progress updates are in history.",
                },
                "progress": {
                    "type": ["integer", "null"],
                    "minimum": 0,
                    "maximum": 100,
                    "description": "The share of milestones done, rounded down (100 only when "
                    "every one is); null without milestones, where there is no share to tell.",
                },
                "panel_summary": {
                    "oneOf": [ref("PanelSummary"), {"type": "null"}],
                    "description": "null until the viewer may see it: moderators, admins and "
                    "the owning department's staff at once, everyone (the panel's members "
                    "too) once the department has answered.",
                },
            },
            "A proposal with its history, in the order things happened, and its answers.",
        ),
        "Response": record(
            {
                "id": INTEGER,
                "department_id": INTEGER,
                "author": {"oneOf": [ref("Actor"), {"type": "null"}]},
                "outcome": values(Outcome),
                "text_html": {"type": "string", "description": "Sanitised HTML."},
                "preliminary": BOOLEAN,
                "comment_window_ends_at": NULLABLE_TIMESTAMP,
                **plan_properties(
                    "that the answer states (only accepted and partially_accepted ones may)"
                ),
                "created_at": TIMESTAMP,
            },
            "A department's public answer.",
        ),
        "PlannedPeriod": record(
            {"from": MONTH, "to": MONTH},
            "From the first to the last month (YYYY-MM) the work is planned for; to is never "
            "before from.",
        ),
        "HistoryEvent": {
            "oneOf": [ref(name) for name in HISTORY_EVENTS],
            "discriminator": {
                "propertyName": "type",
                "mapping": {
                    schema["properties"]["type"]["const"]: f"#/components/schemas/{name}"
                    for name, schema in HISTORY_EVENTS.items()
                },
            },
        },
        **HISTORY_EVENTS,
        "NewProposal": NEW_PROPOSAL.schema(),
        "ModerationDecision": DECISION.schema(),
        "Transfer": TRANSFER.schema(),
        "NewResponse": RESPONSE.schema(),
        # The stakeholder panel.
        "NewPanelReviewRequest": PANEL_REQUEST.schema(),
        "NewPanelReview": PANEL_REVIEW.schema(),
        "NewAnswerRating": RATING.schema(),
        "AnswerRating": record(
            {
                "proposal_id": INTEGER,
                "answer_score": SCORE,
                "process_score": SCORE,
                "comment": STRING,
                "created_at": TIMESTAMP,
                "changed_at": TIMESTAMP,
                "changeable_until": TIMESTAMP,
            },
            "The account's rating of a proposal's final answer; the comment is for the owning "
            "department only.",
        ),
        "PanelReviewRequest": record(
            {
                "id": INTEGER,
                "proposal_id": INTEGER,
                "due_date": {"type": "string", "format": "date"},
                "created_at": TIMESTAMP,
            },
            "A request for the panel's review of a proposal.",
        ),
        "PanelReview": record(
            {
                "id": INTEGER,
                "proposal_id": INTEGER,
                "seat_type": values(SeatType),
                "scores": record(dict.fromkeys(SCORE_CRITERIA, SCORE)),
                "recommendation": values(Recommendation),
                "comment": STRING,
                "created_at": TIMESTAMP,
            },
            "One panel member's review, by the kind of seat they hold.",
        ),
        "PanelSummary": record(
            {
                "review_count": COUNT,
                "mean_scores": record(
                    dict.fromkeys(SCORE_CRITERIA, MEAN_SCORE),
                    "Each criterion's mean, rounded half up to one decimal; null without reviews.",
                ),
                "recommendations": record(
                    {value.value: COUNT for value in Recommendation},
                    "How many reviews gave each recommendation.",
                ),
            },
            "The stakeholder panel's reviews of a proposal, in sum.",
        ),
        "Comment": record(
            {
                "id": INTEGER,
                "parent_id": NULLABLE_ID,
                "state": {
                    "type": "string",
                    "enum": list(COMMENT_STATES),
                    "description": "Anything but `visible` is a placeholder without the text.",
                },
                "author": {"oneOf": [ref("Actor"), {"type": "null"}]},
                "organisation": {
                    "oneOf": [
                        record({"id": INTEGER, "name": STRING, "verified": BOOLEAN}),
                        {"type": "null"},
                    ],
                    "description": "The association or business the author wrote for.",
                },
                "official_department_id": {
                    **NULLABLE_ID,
                    "description": "Set on the owning department's official replies.",
                },
                "response_id": {
                    **NULLABLE_ID,
                    "description": "The preliminary answer the comment was written to.",
                },
                "body_html": {
                    "type": ["string", "null"],
                    "description": "Sanitised HTML; null in a placeholder.",
                },
                "moderation_note": {
                    "type": ["string", "null"],
                    "description": "Why a moderator acted; only to the comment's author.",
                },
                "created_at": TIMESTAMP,
                "edited_at": NULLABLE_TIMESTAMP,
                "replies": {"type": "array", "items": ref("Comment")},
            },
            "A comment and, on a top-level one, its replies, oldest first.",
        ),
        "CommentList": items_of("Comment", "The proposal's top-level comments, oldest first."),
        "NewComment": NEW_COMMENT.schema(),
        **stats_schemas(),
    }


def stats_schemas() -> dict:
    """The barometer's figures (getStats); no share or median from fewer than min_cases."""
    too_few = {"type": "boolean", "description": "Fewer cases than min_cases: no figure given."}
    share = record(
        {
            "count": COUNT,
            "of": COUNT,
            "percent": {"type": ["integer", "null"]},
            "too_few_cases": too_few,
        },
        "count of of; percent is null when too_few_cases.",
    )
    days = record(
        {"cases": COUNT, "days": {"type": ["number", "null"]}, "too_few_cases": too_few},
        "A median in days; null when too_few_cases.",
    )
    figures = {
        "key": {**STRING, "description": "The theme's or department's slug; empty for all."},
        "label": STRING,
        **dict.fromkeys(
            (
                "received",
                "published",
                "rejected",
                "answered",
                "accepted",
                "implemented",
                "overdue_now",
            ),
            COUNT,
        ),
        "days_to_acknowledge": ref("StatsMedian"),
        "days_to_answer": ref("StatsMedian"),
        "acknowledged_in_time": ref("StatsShare"),
        "answered_in_time": ref("StatsShare"),
        "trend": {
            "type": "array",
            "items": record({"month": STRING, "received": COUNT}),
        },
        "answer_rating": ref("StatsRating"),
        "handling_rating": ref("StatsRating"),
        "participation": record(
            {
                **dict.fromkeys(("citizens", "associations", "businesses"), COUNT),
                "proposals_by_organisations": ref("StatsShare"),
            },
            "Distinct citizens (acting for themselves), associations and businesses who"
            " proposed, commented, supported or reviewed in the period.",
        ),
    }
    rating = record(
        {
            "cases": COUNT,
            "mean": {"type": ["number", "null"]},
            "too_few_cases": too_few,
            "distribution": {
                "type": "array",
                "items": record({"score": COUNT, "count": COUNT}),
            },
        },
        "Ratings of the final answers (1 to 5) by authors and supporters; mean is null"
        " when too_few_cases.",
    )
    return {
        "StatsShare": share,
        "StatsMedian": days,
        "StatsRating": rating,
        "StatsFigures": record(figures, "The figures of the proposals submitted in the period."),
        "Stats": record(
            {
                "from": {"type": "string", "format": "date"},
                "to": {"type": "string", "format": "date"},
                "min_cases": COUNT,
                "total": ref("StatsFigures"),
                "themes": {"type": "array", "items": ref("StatsFigures")},
                "departments": {"type": "array", "items": ref("StatsFigures")},
            },
            "The barometer: per theme and per department, for the period.",
        ),
    }
