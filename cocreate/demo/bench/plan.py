"""What becomes of a proposal and when: a fate drawn by weight, the steps that lead to
it, and how long ago it got there.

The steps are laid out first, in days after the draft was begun; how long the proposal
has been where it is now decides when the draft was begun, and then the steps are played
on its record. Open proposals got where they are recently enough to be waiting (some of
them past their deadlines), answered ones at any time in the last three years.
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from cocreate.demo.bench import officialese
from cocreate.demo.bench.bench import Bench
from cocreate.demo.bench.record import Record
from cocreate.moderation.models import Decision, RejectionReason
from cocreate.proposals.lifecycle import ANSWERED_STATUSES, PUBLIC_STATUSES, ProposalStatus
from cocreate.proposals.models import Outcome
from cocreate.strategy.models import Department

S = ProposalStatus
SPAN_DAYS = 3 * 365
# Out of every hundred proposals.
FATES = {
    S.DRAFT: 3,
    S.SUBMITTED: 3,
    S.CHANGES_REQUESTED: 3,
    S.REJECTED: 5,
    S.WITHDRAWN: 4,
    S.PUBLISHED: 18,
    S.UNDER_REVIEW: 22,
    S.ACCEPTED: 12,
    S.PARTIALLY_ACCEPTED: 8,
    S.DECLINED: 12,
    S.IMPLEMENTED: 10,
}
PUBLIC_SHARE = sum(FATES[s] for s in PUBLIC_STATUSES) / sum(FATES.values())
# Where a withdrawn proposal was when its author took it back (never after an answer).
WITHDRAWN_FROM = {
    S.DRAFT: 2,
    S.SUBMITTED: 2,
    S.CHANGES_REQUESTED: 1,
    S.PUBLISHED: 3,
    S.UNDER_REVIEW: 2,
}
FINAL_OUTCOMES = {
    S.ACCEPTED: Outcome.ACCEPTED,
    S.PARTIALLY_ACCEPTED: Outcome.PARTIALLY_ACCEPTED,
    S.DECLINED: Outcome.DECLINED,
}
REJECTION_REASONS = tuple(RejectionReason)

Step = Callable[[Record, datetime], None]


class Script:
    """Steps at so many days after the draft was begun."""

    def __init__(self):
        self.days = 0.0
        self.steps: list[tuple[float, Step]] = []

    def then(self, days: float, step: Step) -> None:
        self.days += days
        self.steps.append((self.days, step))

    def play(self, record: Record, start: datetime) -> None:
        for days, step in self.steps:
            step(record, start + timedelta(days=days))


def draw_fate(bench: Bench) -> ProposalStatus:
    return bench.rng.choices(list(FATES), weights=list(FATES.values()))[0]


class Planner:
    """Lays out one proposal's steps towards its fate."""

    def __init__(self, bench: Bench, topic, department: Department):
        self.bench, self.topic, self.script = bench, topic, Script()
        self.department = department
        self.preliminary = False

    def to(self, fate: ProposalStatus) -> float:
        """Lay out the steps to the fate; return how many days ago it was reached."""
        bench = self.bench
        if fate == S.WITHDRAWN:
            before = bench.rng.choices(list(WITHDRAWN_FROM), list(WITHDRAWN_FROM.values()))[0]
            self._towards(before, open_window=False)
            reason = officialese.withdrawal_reason(bench.book)
            self.script.then(bench.days(1, 30), lambda r, at: r.withdraw(at, reason))
        else:
            self._towards(fate, open_window=fate == S.UNDER_REVIEW and bench.chance(0.3))
        return self._waited(fate)

    def _waited(self, fate: ProposalStatus) -> float:
        """Days since the proposal got where it is: open ones have not waited long."""
        u = self.bench.rng.random()
        waiting = {
            S.DRAFT: 400 * u,
            S.SUBMITTED: 10 * u**2,
            S.CHANGES_REQUESTED: 60 * u**2,
            S.PUBLISHED: 25 * u**3,
            # A preliminary answer's window of 14 days is open for four in ten.
            S.UNDER_REVIEW: 35 * u if self.preliminary else 120 * u**3,
        }
        return waiting.get(fate, max(0.0, SPAN_DAYS - self.script.days) * u)

    def _towards(self, fate: ProposalStatus, open_window: bool) -> None:
        bench, then = self.bench, self.script.then
        if fate == S.DRAFT:
            return
        then(bench.days(0.01, 3), lambda r, at: r.submit(at))
        if fate == S.CHANGES_REQUESTED or bench.chance(0.12):
            self._decide(bench.days(0.2, 4), Decision.REQUEST_CHANGES)
            if fate == S.CHANGES_REQUESTED:
                return
            then(bench.days(1, 10), lambda r, at: r.edit(at))
            then(bench.days(0, 0.01), lambda r, at: r.submit(at))
        if fate == S.SUBMITTED:
            return
        if fate == S.REJECTED:
            self._decide(bench.days(0.2, 5), Decision.REJECT)
            return
        self._approve(bench.days(0.2, 5))
        if fate == S.PUBLISHED:
            return
        answered = fate in ANSWERED_STATUSES
        # Some departments answer without acknowledging first; a preliminary answer
        # acknowledges by itself.
        if not answered or bench.chance(0.9):
            days = self.department.sla_acknowledge_days * bench.days(0.2, 1.6)
            then(days, self._staff_step(lambda r, at, staff: r.acknowledge(at, staff)))
        if open_window or (answered and bench.chance(0.2)):
            self._answer(bench.days(5, 40), self._leaning(fate), preliminary=True)
        if not answered:
            return
        outcome = FINAL_OUTCOMES.get(fate) or (
            Outcome.ACCEPTED if bench.chance(0.75) else Outcome.PARTIALLY_ACCEPTED
        )
        if self.preliminary:
            window = bench.comment_window / timedelta(days=1)
            self._answer(window + bench.days(0.5, 10), outcome)
        else:
            self._answer(bench.days(5, 1.5 * self.department.sla_answer_days), outcome)
        if fate == S.IMPLEMENTED:
            told = officialese.implemented(bench.book, self.topic) if bench.chance(0.6) else None
            then(
                bench.days(30, 300),
                self._staff_step(lambda r, at, staff: r.implement(at, staff, told)),
            )

    def _staff_step(self, step) -> Step:
        """A step taken by someone in the department that has the proposal then."""
        staff = self.bench.staff(self.department)
        return lambda r, at: step(r, at, staff)

    def _decide(self, days: float, decision: Decision) -> None:
        bench, moderator = self.bench, self.bench.moderator()
        if decision == Decision.REQUEST_CHANGES:
            note = officialese.changes_note(bench.book, self.topic)
            self.script.then(days, lambda r, at: r.decide(at, moderator, decision, note=note))
            return
        reason = bench.rng.choice(REJECTION_REASONS)
        note = officialese.rejection_note(bench.book, self.topic, reason)
        self.script.then(
            days, lambda r, at: r.decide(at, moderator, decision, reason=reason, note=note)
        )

    def _approve(self, days: float) -> None:
        """Approve and route, to the first theme's owner unless the moderator knows better;
        now and then the department passes it on to another one."""
        bench, moderator = self.bench, self.bench.moderator()
        if bench.chance(0.1):
            self.department = self._another(self.department)
        first = self.department
        self.script.then(
            days,
            lambda r, at: r.decide(at, moderator, Decision.APPROVE, department=first),
        )
        if len(bench.departments) > 1 and bench.chance(0.1):
            staff, target = bench.staff(first), self._another(first)
            reason = officialese.transfer_reason(bench.book, self.topic, target.name)
            self.script.then(bench.days(1, 8), lambda r, at: r.route(at, target, staff, reason))
            self.department = target

    def _another(self, department: Department) -> Department:
        """Another department, if the municipality has more than one."""
        others = [d for d in self.bench.departments if d.id != department.id]
        return self.bench.rng.choice(others) if others else department

    def _leaning(self, fate: ProposalStatus) -> Outcome:
        """What a preliminary answer leans to: mostly what the final answer will be."""
        if fate in FINAL_OUTCOMES and self.bench.chance(0.8):
            return FINAL_OUTCOMES[fate]
        return self.bench.rng.choice(tuple(FINAL_OUTCOMES.values()))

    def _answer(self, days: float, outcome: Outcome, preliminary: bool = False) -> None:
        bench = self.bench
        text = officialese.answer(bench.book, self.topic, outcome, preliminary)
        window = bench.comment_window if preliminary else None
        self.preliminary = self.preliminary or preliminary
        self.script.then(
            days,
            self._staff_step(
                lambda r, at, staff: r.answer(at, staff, outcome, text, window=window)
            ),
        )
