"""One proposal and its history as rows, each step written as its service writes it.

Every change of state goes through TRANSITIONS as lifecycle.transition() does it, so a
step the lifecycle does not allow stops the run instead of writing a history that could
not have happened.
"""

from datetime import datetime, timedelta

from cocreate.core.errors import TransitionNotAllowed
from cocreate.demo.bench.rows import Rows
from cocreate.departments.answers import ANSWER_ACTIONS
from cocreate.moderation.models import Decision, ModerationDecision, RejectionReason
from cocreate.moderation.services import DECISION_ACTIONS

# The stamps transition() puts on a proposal as it enters a state: the same table, not a copy.
from cocreate.proposals.lifecycle import _STAMPS as STAMPS
from cocreate.proposals.lifecycle import (
    TRANSITIONS,
    Action,
    ProposalStatus,
    StatusChange,
    is_allowed,
)
from cocreate.proposals.models import Outcome, Proposal, ProposalTheme, Response, Routing
from cocreate.strategy.models import Department

S = ProposalStatus


class Record:
    """A proposal being written: its row, its themes, and every step since the draft."""

    def __init__(self, rows: Rows, at: datetime, *, author_id: int, theme_ids, **content):
        self.rows = rows
        self.status = S.DRAFT
        self.author_id = author_id
        self.department: Department | None = None
        self.routings: list[tuple[datetime, Department]] = []
        self.responses: list[dict] = []
        # Each state with the time it was entered, the draft first.
        self.states: list[tuple[datetime, ProposalStatus]] = [(at, S.DRAFT)]
        self.row = rows.add(
            Proposal,
            {
                **content,
                "status": S.DRAFT,
                "author_id": author_id,
                "department_id": None,
                "created_at": at,
                "updated_at": at,
                "status_changed_at": at,
                **dict.fromkeys(STAMPS.values()),
                "routed_at": None,
                "acknowledge_due_at": None,
                "answer_due_at": None,
                "support_count": 0,
                "comment_count": 0,
                "version": 1,
            },
        )
        self.id = self.row["id"]
        for position, theme_id in enumerate(theme_ids):
            rows.add(
                ProposalTheme, {"proposal_id": self.id, "theme_id": theme_id, "position": position}
            )

    def _changed(self) -> None:
        """Each UPDATE of the proposal's row moves its version on."""
        self.row["version"] += 1

    def _move(self, action: Action, at: datetime, actor_id: int, reason: str = "") -> None:
        if not is_allowed(action, self.status):
            raise TransitionNotAllowed(f"{action} from {self.status} (proposal {self.id})")
        target = TRANSITIONS[action][1]
        self.rows.add(
            StatusChange,
            {
                "proposal_id": self.id,
                "action": action,
                "from_status": self.status,
                "to_status": target,
                "actor_id": actor_id,
                "reason": reason,
                "created_at": at,
            },
        )
        self.status = target
        self.states.append((at, target))
        self.row["status"] = target
        self.row["status_changed_at"] = at
        if stamp := STAMPS.get(target):
            self.row[stamp] = at
        self._changed()

    def edit(self, at: datetime) -> None:
        """The author changes the text (before sending it back, say)."""
        self.row["updated_at"] = at
        self._changed()

    def submit(self, at: datetime) -> None:
        resubmit = self.status == S.CHANGES_REQUESTED
        self._move(Action.RESUBMIT if resubmit else Action.SUBMIT, at, self.author_id)

    def decide(
        self,
        at: datetime,
        moderator_id: int,
        decision: Decision,
        *,
        reason: RejectionReason | None = None,
        note: str = "",
        department: Department | None = None,
    ) -> None:
        """A moderator's decision; approval routes the proposal to a department."""
        self._move(DECISION_ACTIONS[decision], at, moderator_id, note)
        self.rows.add(
            ModerationDecision,
            {
                "proposal_id": self.id,
                "moderator_id": moderator_id,
                "decision": decision,
                "reason": reason,
                "note": note,
                "created_at": at,
            },
        )
        if decision == Decision.APPROVE:
            self.route(at, department, moderator_id)

    def route(self, at: datetime, department: Department, actor_id: int, reason: str = ""):
        """Give the proposal to a department: a new time to acknowledge, the answer kept."""
        self.rows.add(
            Routing,
            {
                "proposal_id": self.id,
                "from_department_id": self.row["department_id"],
                "to_department_id": department.id,
                "actor_id": actor_id,
                "reason": reason,
                "created_at": at,
            },
        )
        self.row["department_id"] = department.id
        self.row["routed_at"] = at
        self.row["acknowledge_due_at"] = at + timedelta(days=department.sla_acknowledge_days)
        if self.row["answer_due_at"] is None:
            self.row["answer_due_at"] = at + timedelta(days=department.sla_answer_days)
        self.department = department
        self.routings.append((at, department))
        self._changed()

    def acknowledge(self, at: datetime, staff_id: int) -> None:
        self._move(Action.ACKNOWLEDGE, at, staff_id)

    def answer(
        self,
        at: datetime,
        staff_id: int,
        outcome: Outcome,
        text: tuple[str, str],
        *,
        window: timedelta | None = None,
    ) -> dict:
        """The department's answer; with a window, a preliminary one that invites comments."""
        if window is None:
            if any(r["comment_window_ends_at"] > at for r in self.responses if r["preliminary"]):
                raise TransitionNotAllowed(f"final answer in a comment window ({self.id})")
            self._move(ANSWER_ACTIONS[outcome], at, staff_id)
        else:
            if self.status == S.PUBLISHED:
                self._move(Action.ACKNOWLEDGE, at, staff_id)
            # The final answer is due a set number of days after the citizens have had
            # their say, however soon the first deadline was.
            self.row["answer_due_at"] = (
                at + window + timedelta(days=self.department.sla_after_window_days)
            )
        response = self._respond(at, staff_id, outcome, text, window)
        self.row["updated_at"] = at
        self._changed()
        return response

    def _respond(self, at, staff_id, outcome, text, window) -> dict:
        body, html = text
        response = self.rows.add(
            Response,
            {
                "proposal_id": self.id,
                "department_id": self.department.id,
                "author_id": staff_id,
                "outcome": outcome,
                "text": body,
                "text_html": html,
                "preliminary": window is not None,
                "comment_window_ends_at": at + window if window is not None else None,
                "created_at": at,
            },
        )
        self.responses.append(response)
        return response

    def implement(self, at: datetime, staff_id: int, text: tuple[str, str] | None) -> None:
        """Accepted and carried out; the department may say how."""
        self._move(Action.IMPLEMENT, at, staff_id)
        if text is not None:
            self._respond(at, staff_id, Outcome.IMPLEMENTED, text, None)

    def withdraw(self, at: datetime, reason: str) -> None:
        """The author takes it back, which an answer of any kind rules out."""
        if self.responses:
            raise TransitionNotAllowed(f"withdrawal after an answer ({self.id})")
        self._move(Action.WITHDRAW, at, self.author_id, reason)

    def span_in(self, statuses) -> tuple[datetime, datetime | None] | None:
        """When the proposal first entered one of the statuses and when it next left them
        (None while it is still there); None if it never entered them."""
        start = None
        for at, status in self.states:
            if start is None and status in statuses:
                start = at
            elif start is not None and status not in statuses:
                return start, at
        return None if start is None else (start, None)

    def department_at(self, at: datetime) -> Department:
        """The department that had the proposal at a time after its first routing."""
        return next(department for moved, department in reversed(self.routings) if moved <= at)
