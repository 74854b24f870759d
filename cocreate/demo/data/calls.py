"""What `calls.toml` says about the demo's calls for proposals, and the checks that the
calls name what the demo has and that proposals to them were sent while they were open.

A call's days count back from the day the demo is loaded, as every `days_ago` of a story
does; its opening and close are at a local time of day on those days.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from cocreate.accounts.roles import Role
from cocreate.calls.dates import zone
from cocreate.demo.data.load import ContentError
from cocreate.demo.data.municipality import DemoAccount, DemoDepartment, DemoStrategy
from cocreate.demo.story import STEPS, DemoProposal, Submit

STEP_NAMES = {cls: name for name, cls in STEPS.items()}


@dataclass(frozen=True)
class DemoCall:
    key: str  # how proposals name the call they answer
    title: str
    intro: str  # Markdown
    themes: tuple[str, ...]  # theme slugs, the first shown first
    department: str  # slug of the owning department
    started_by: str  # an admin or a staff member of the department, who starts and publishes it
    published_days_ago: int
    opens_days_ago: int
    closes_days_ago: int  # below zero: that many days after the demo is loaded
    time_of_day: time = time(12)  # local time at which it opens and closes
    answers_by_days_ago: int | None = None  # the day answers are promised by, if they are

    def takes_proposals_on(self, days_ago: int) -> bool:
        """Open the whole of that day: after the opening day and before the closing day.

        The hour a story's step is played at varies, so the days themselves are excluded.
        """
        return self.opens_days_ago > days_ago > self.closes_days_ago

    def dates(self, now: datetime) -> tuple[datetime, datetime, date | None]:
        """The opening, the close and the promised day of answers, for a demo loaded at now."""

        def day(days_ago: int) -> date:
            # Counted from now's date in UTC, as clock.moment counts the stories' days.
            return (now - timedelta(days=days_ago)).date()

        def local(days_ago: int) -> datetime:
            return datetime.combine(day(days_ago), self.time_of_day, tzinfo=zone()).astimezone(UTC)

        answers_by = self.answers_by_days_ago
        return (
            local(self.opens_days_ago),
            local(self.closes_days_ago),
            None if answers_by is None else day(answers_by),
        )


def _place(where: str, number: int, title: str) -> str:
    return f"{where} {number} «{title}»"


def _names(names) -> str:
    return ", ".join(f"'{name}'" for name in names)


def check_calls(
    calls: tuple[DemoCall, ...],
    departments: tuple[DemoDepartment, ...],
    strategies: tuple[DemoStrategy, ...],
    accounts: tuple[DemoAccount, ...],
) -> None:
    """Refuse a call that names what the demo does not have, or has dates no call can have."""
    themes = [theme.slug for strategy in strategies for theme in strategy.themes]
    slugs = [department.slug for department in departments]
    by_key = {account.key: account for account in accounts}
    keys = set()
    for number, call in enumerate(calls, 1):
        where = _place("calls.toml, call", number, call.title)
        if call.key in keys:
            raise ContentError(f"{where}, key: another call has the key '{call.key}'")
        keys.add(call.key)
        unknown = [slug for slug in call.themes if slug not in themes]
        if not call.themes or unknown:
            said = f"no theme has the slug '{unknown[0]}'" if unknown else "no theme is named"
            raise ContentError(f"{where}, themes: {said}; the themes are {_names(themes)}")
        if call.department not in slugs:
            raise ContentError(
                f"{where}, department: no department has the slug '{call.department}'; "
                f"the departments are {_names(slugs)}"
            )
        starter = by_key.get(call.started_by)
        if starter is None:
            raise ContentError(f"{where}, started_by: no account is called '{call.started_by}'")
        if Role.ADMIN not in starter.roles and call.department not in starter.departments:
            raise ContentError(
                f"{where}, started_by: '{call.started_by}' is neither an admin "
                f"nor staff of '{call.department}'"
            )
        _check_days(call, where)


def _check_days(call: DemoCall, where: str) -> None:
    if call.opens_days_ago <= call.closes_days_ago:
        raise ContentError(f"{where}: it must open before it closes (opens_days_ago is larger)")
    if 0 in (call.opens_days_ago, call.closes_days_ago):
        raise ContentError(
            f"{where}: it opens or closes on the day the demo is loaded, which would make "
            "its phase hang on the hour of loading"
        )
    if call.published_days_ago <= call.closes_days_ago:
        raise ContentError(f"{where}, published_days_ago: it must be published before it closes")
    answers_by = call.answers_by_days_ago
    if answers_by is not None and answers_by > call.closes_days_ago:
        raise ContentError(
            f"{where}, answers_by_days_ago: answers cannot be promised before the call closes"
        )


def check_proposals_to_calls(
    proposals: tuple[DemoProposal, ...], where: str, calls: tuple[DemoCall, ...]
) -> None:
    """Refuse a proposal (of the file `where`) to an unknown call, or one written or sent
    on a day the call was not open."""
    by_key = {call.key: call for call in calls}
    for number, demo in enumerate(proposals, 1):
        if demo.call is None:
            continue
        place = _place(f"{where}, proposal", number, demo.title)
        call = by_key.get(demo.call)
        if call is None:
            raise ContentError(
                f"{place}, call: no call has the key '{demo.call}'; the calls are {_names(by_key)}"
            )
        sent = next((step for step in demo.story if isinstance(step, Submit)), None)
        for step in (*demo.story[:1], sent):
            if step is not None and not call.takes_proposals_on(step.days_ago):
                position = demo.story.index(step) + 1
                raise ContentError(
                    f"{place}, story {position} ({STEP_NAMES[type(step)]}): {step.days_ago} "
                    f"days ago is not a day that the call '{call.key}' takes proposals; that "
                    f"is after the day it opens ({call.opens_days_ago} days ago) and before "
                    f"the day it closes ({call.closes_days_ago} days ago)"
                )
