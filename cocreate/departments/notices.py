"""What a department's handling tells people: its staff of what arrives and of deadlines,
the authors and followers of acknowledgements, answers and the follow-up of an accepted
proposal."""

from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, select

from cocreate.accounts.roles import Role
from cocreate.core.outbox import known_keys
from cocreate.notifications.events import outbox_key
from cocreate.notifications.kinds import SettingsGroup, notice_kind
from cocreate.proposals.models import Outcome
from cocreate.proposals.notices import (
    FOLLOWING,
    YOUR_PROPOSALS,
    announce_about,
    authors,
    authors_and_followers,
    proposal_link,
)
from cocreate.strategy.models import DepartmentMembership

YOUR_DEPARTMENT = SettingsGroup(_l("Din forvaltning"), order=30, role=Role.DEPARTMENT_STAFF)
MILESTONES = {"acknowledge": _l("Fristen for kvittering"), "answer": _l("Svarfristen")}


def department_staff(payload: dict[str, Any]) -> Select:
    return select(DepartmentMembership.user_id).where(
        DepartmentMembership.department_id == payload["department_id"]
    )


def department_heads(payload: dict[str, Any]) -> Select:
    return department_staff(payload).where(DepartmentMembership.is_head.is_(True))


def rating_link(notification, external: bool) -> str | None:
    """The proposal's page where its authors and supporters rate the final answer."""
    return proposal_link(notification, external, anchor="rating")


def follow_up_link(notification, external: bool) -> str | None:
    """The follow-up on the proposal's page: its milestones and progress updates."""
    return proposal_link(notification, external, anchor="follow-up")


def _outcome_words(params: dict) -> dict[str, str]:
    code = params.get("outcome")
    return {"outcome": Outcome(code).label} if code else {}


def _milestone_words(params: dict) -> dict[str, str]:
    code = params.get("milestone")
    return {"milestone": str(MILESTONES[code])} if code in MILESTONES else {}


def _deadline_kind(value: str, order: int, label, headline, audience=department_staff):
    return notice_kind(
        value,
        order=order,
        label=label,
        group=YOUR_DEPARTMENT,
        audience=audience,
        headline=headline,
        words=_milestone_words,
        link=proposal_link,
    )


PROPOSAL_TRANSFERRED = notice_kind(
    "proposal_transferred",
    order=5,
    label=_l("Dit forslag er flyttet til en anden forvaltning"),
    group=YOUR_PROPOSALS,
    audience=authors,
    headline=_l("«%(title)s» er flyttet til %(department)s"),
    link=proposal_link,
)
PROPOSAL_ACKNOWLEDGED = notice_kind(
    "proposal_acknowledged",
    order=1,
    label=_l("Forvaltningen er gået i gang"),
    group=FOLLOWING,
    audience=authors_and_followers,
    headline=_l("%(department)s er gået i gang med «%(title)s»"),
    link=proposal_link,
)
PRELIMINARY_ANSWER = notice_kind(
    "preliminary_answer",
    order=2,
    label=_l("Foreløbigt svar"),
    group=FOLLOWING,
    audience=authors_and_followers,
    headline=_l("Foreløbigt svar på «%(title)s»: %(outcome)s"),
    detail=_l("Du kan kommentere svaret indtil %(window_ends)s."),
    words=_outcome_words,
    link=proposal_link,
)
FINAL_ANSWER = notice_kind(
    "final_answer",
    order=3,
    label=_l("Endeligt svar"),
    group=FOLLOWING,
    audience=authors_and_followers,
    headline=_l("Svar på «%(title)s»: %(outcome)s"),
    detail=_l("Har du stillet eller støttet forslaget, kan du bedømme svaret på forslagets side."),
    words=_outcome_words,
    link=rating_link,
)
PROGRESS_UPDATE = notice_kind(
    "progress_update",
    order=4,
    label=_l("Statusopdatering fra forvaltningen"),
    group=FOLLOWING,
    audience=authors_and_followers,
    headline=_l("%(department)s fortæller, hvordan det går med «%(title)s»"),
    link=follow_up_link,
)
MILESTONE_DONE = notice_kind(
    "milestone_done",
    order=4,
    label=_l("En milepæl er nået"),
    group=FOLLOWING,
    audience=authors_and_followers,
    headline=_l("Milepælen «%(step)s» er nået for «%(title)s»"),
    detail=_l("%(department)s nåede milepælen %(date)s. Se på forslagets side, hvor langt det er."),
    link=follow_up_link,
)
PROPOSAL_IMPLEMENTED = notice_kind(
    "proposal_implemented",
    order=4,
    label=_l("Forslaget er gennemført"),
    group=FOLLOWING,
    audience=authors_and_followers,
    headline=_l("«%(title)s» er gennemført"),
    link=proposal_link,
)
PROPOSAL_ROUTED = notice_kind(
    "proposal_routed",
    order=1,
    label=_l("Nyt forslag til din forvaltning"),
    group=YOUR_DEPARTMENT,
    audience=department_staff,
    headline=_l("Nyt forslag til %(department)s: «%(title)s»"),
    link=proposal_link,
)
SLA_DUE_SOON = _deadline_kind(
    "sla_due_soon",
    2,
    _l("En frist nærmer sig"),
    _l("%(milestone)s for «%(title)s» udløber %(date)s"),
)
SLA_OVERDUE = _deadline_kind(
    "sla_overdue",
    3,
    _l("En frist er overskredet"),
    _l("%(milestone)s for «%(title)s» udløb %(date)s"),
)
SLA_ESCALATED = _deadline_kind(
    "sla_escalated",
    4,
    _l("Overskredne frister i din forvaltning (til ledere)"),
    _l("«%(title)s» i %(department)s er over fristen siden %(date)s"),
    audience=department_heads,
)


def announce_routing(proposal, routing, actor) -> None:
    """The new department's staff hear of it; on a transfer, so do the authors."""
    source, department = f"routing:{routing.id}", routing.to_department
    announce_about(
        PROPOSAL_ROUTED,
        source,
        proposal,
        actor=actor,
        department_id=department.id,
        department=department.name,
        date=proposal.acknowledge_due_at.isoformat(),
    )
    if routing.from_department_id is not None:
        announce_about(
            PROPOSAL_TRANSFERRED,
            source,
            proposal,
            actor=actor,
            department=department.name,
            note=routing.reason,
        )


def announce_step(proposal, change, actor, response=None) -> None:
    """Authors and followers hear that the department has started on the proposal, or has
    carried it out, with its message if it gave one."""
    kind = PROPOSAL_IMPLEMENTED if change.to_status.is_answered else PROPOSAL_ACKNOWLEDGED
    announce_about(
        kind,
        f"status_change:{change.id}",
        proposal,
        actor=actor,
        department=proposal.department.name,
        note=response.text if response is not None else "",
    )


def announce_response(proposal, response, actor) -> None:
    window_ends = response.comment_window_ends_at
    announce_about(
        PRELIMINARY_ANSWER if response.preliminary else FINAL_ANSWER,
        f"response:{response.id}",
        proposal,
        actor=actor,
        department=proposal.department.name,
        outcome=response.outcome.value,
        window_ends=window_ends.isoformat() if window_ends else "",
    )


def announce_progress_update(proposal, update, actor) -> None:
    """Authors and followers hear how the proposal is going, in the department's words."""
    announce_about(
        PROGRESS_UPDATE,
        f"progress_update:{update.id}",
        proposal,
        actor=actor,
        department=update.department.name,
        note=update.text,
    )


def announce_milestone_done(proposal, milestone, actor) -> None:
    """Authors and followers hear that a milestone is reached; once, even if it is undone
    and done again."""
    source = f"milestone:{milestone.id}"
    if known_keys([outbox_key(MILESTONE_DONE, source)]):
        return
    announce_about(
        MILESTONE_DONE,
        source,
        proposal,
        actor=actor,
        department=proposal.department.name,
        step=milestone.title,
        date=milestone.done_on.isoformat(),
    )
