"""Following up an accepted proposal: milestones planned and reached, and progress updates.

Only staff of the owning department keep the follow-up, and only of a proposal that was
accepted, partly or wholly (or has since been carried out, for the record). Every change
is in the audit log; reaching a milestone and posting an update tell the authors and
followers. The site and the API call these same functions.
"""

from datetime import date, timedelta

from flask_babel import gettext as _

from cocreate.core.audit import record_audit
from cocreate.core.errors import TransitionNotAllowed, ValidationFailed
from cocreate.core.sanitize import render_markdown
from cocreate.core.types import local_today, utcnow
from cocreate.core.validation import check_text
from cocreate.departments import notices
from cocreate.departments.models import (
    MILESTONE_DESCRIPTION_MAX,
    MILESTONE_TITLE_MAX,
    PROGRESS_TEXT_MAX,
    Milestone,
    ProgressUpdate,
)
from cocreate.departments.permissions import has_follow_up
from cocreate.departments.services import require_owner_staff
from cocreate.extensions import db

# A date further from today than this, either way, is a typing error rather than a plan.
DATE_RANGE = timedelta(days=10 * 365)
MILESTONE_FIELDS = ("title", "description", "planned_on", "done_on")


def _require_follow_up(proposal, actor) -> None:
    """Refuse anyone but the owning department's staff, then a proposal not accepted."""
    require_owner_staff(proposal, actor)
    if not has_follow_up(proposal):
        raise TransitionNotAllowed(
            _(
                "Milepæle og statusopdateringer hører til forslag, der er imødekommet. "
                "Forslaget har status «%(status)s».",
                status=proposal.status.label,
            )
        )


def _date_error(value, today: date, *, done: bool = False) -> str | None:
    """What is wrong with a planned or a done date, if anything."""
    if not isinstance(value, date):
        return _("Skriv en dato, fx 24-12-2030.")
    if done and value > today:
        return _("En milepæl kan ikke være nået senere end i dag.")
    if abs(value - today) > DATE_RANGE:
        return _("Datoen skal ligge inden for ti år fra i dag.")
    return None


def _milestone_errors(values: dict) -> dict[str, str]:
    """Every given field of a milestone that is wrong, at once."""
    errors = {}
    if "title" in values:
        try:
            check_text(title=(values["title"], MILESTONE_TITLE_MAX))
        except ValidationFailed as error:
            errors.update(error.fields)
    if len(values.get("description") or "") > MILESTONE_DESCRIPTION_MAX:
        errors["description"] = _("Må højst være %(max)d tegn.", max=MILESTONE_DESCRIPTION_MAX)
    today = local_today()
    if "planned_on" in values and (wrong := _date_error(values["planned_on"], today)):
        errors["planned_on"] = wrong
    # A done date of None is no date: it undoes the milestone.
    done_on = values.get("done_on")
    if done_on is not None and (wrong := _date_error(done_on, today, done=True)):
        errors["done_on"] = wrong
    return errors


def _cleaned(values: dict) -> dict:
    """The milestone's texts without the blanks around them."""
    return {
        name: (value or "").strip() if name in ("title", "description") else value
        for name, value in values.items()
    }


def _audited(changes: dict) -> dict:
    """A milestone's fields as the audit log keeps them: dates as ISO text, and the title
    as the name of the milestone, so that a changed title reads as a renamed milestone."""
    kept = {}
    for name, value in changes.items():
        kept["milestone" if name == "title" else name] = (
            value.isoformat() if isinstance(value, date) else value
        )
    return kept


def add_milestone(proposal, actor, *, title: str, planned_on, description: str = "") -> Milestone:
    """Plan a step in carrying out an accepted proposal."""
    _require_follow_up(proposal, actor)
    values = {"title": title, "description": description or "", "planned_on": planned_on}
    if errors := _milestone_errors(values):
        raise ValidationFailed(_("Milepælen kunne ikke gemmes."), errors)
    milestone = Milestone(proposal_id=proposal.id, **_cleaned(values))
    db.session.add(milestone)
    db.session.flush()
    after = _audited({"title": milestone.title, "planned_on": milestone.planned_on})
    record_audit(actor, "proposal.milestone_added", proposal, None, after)
    return milestone


def update_milestone(proposal, milestone: Milestone, actor, **changes) -> Milestone:
    """Change any of a milestone's title, description, planned date and done date; a done
    date of None undoes it. Reaching it tells the authors and followers."""
    _require_follow_up(proposal, actor)
    unknown = set(changes) - set(MILESTONE_FIELDS)
    if unknown:
        raise TypeError(f"not a field of a milestone: {sorted(unknown)}")
    if errors := _milestone_errors(changes):
        raise ValidationFailed(_("Milepælen kunne ikke gemmes."), errors)
    changed = {
        name: value
        for name, value in _cleaned(changes).items()
        if getattr(milestone, name) != value
    }
    if not changed:
        return milestone
    reached = milestone.done_on is None and changed.get("done_on") is not None
    before = _audited({name: getattr(milestone, name) for name in changed})
    for name, value in changed.items():
        setattr(milestone, name, value)
    now = utcnow()
    milestone.updated_at = now
    if "done_on" in changed:
        milestone.marked_done_at = now if milestone.done_on is not None else None
    db.session.flush()
    if reached:
        notices.announce_milestone_done(proposal, milestone, actor)
    # Which milestone it was, by its title now, unless the title is what changed.
    after = _audited({"title": milestone.title} | changed)
    record_audit(actor, "proposal.milestone_changed", proposal, before, after)
    return milestone


def create_progress_update(proposal, actor, *, text: str) -> ProgressUpdate:
    """Tell the public how an accepted proposal is going, in Markdown made safe once, now."""
    _require_follow_up(proposal, actor)
    check_text(text=(text, PROGRESS_TEXT_MAX))
    update = ProgressUpdate(
        proposal_id=proposal.id,
        department_id=proposal.department_id,
        author=actor,
        text=text.strip(),
        text_html=render_markdown(text.strip()),
    )
    db.session.add(update)
    db.session.flush()
    notices.announce_progress_update(proposal, update, actor)
    record_audit(
        actor, "proposal.progress_updated", proposal, None, {"department_id": update.department_id}
    )
    return update
