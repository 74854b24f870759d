"""Creating, editing, submitting and withdrawing proposals."""

from flask_babel import format_datetime
from flask_babel import gettext as _

from cocreate.accounts.models import Organisation
from cocreate.accounts.permissions import can_act_for
from cocreate.calls.models import Call, CallPhase
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.core.sanitize import render_markdown
from cocreate.core.types import utcnow
from cocreate.core.validation import check_text
from cocreate.extensions import db
from cocreate.proposals import permissions
from cocreate.proposals.follows import follow_proposal_quietly
from cocreate.proposals.lifecycle import Action, ProposalStatus, flush_proposal, transition
from cocreate.proposals.models import (
    BODY_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    Proposal,
    ProposalTheme,
)
from cocreate.proposals.notices import PROPOSAL_RECEIVED, announce_about
from cocreate.strategy.queries import chosen_themes

# update_proposal leaves the organisation the proposal is from as it is, unless given one.
UNCHANGED = object()


def _set_organisation(proposal: Proposal, actor, organisation_id) -> None:
    """Say which organisation the proposal is from: the author picks one they act for."""
    if organisation_id is UNCHANGED or organisation_id == proposal.organisation_id:
        return
    organisation = db.session.get(Organisation, organisation_id) if organisation_id else None
    refusal = None
    if proposal.author.id != actor.id:
        refusal = _("Kun forfatteren vælger, hvem forslaget stilles som.")
    elif organisation_id is not None and not can_act_for(actor, organisation):
        refusal = _("Du handler ikke for denne organisation.")
    if refusal:
        raise ValidationFailed(refusal, {"organisation_id": refusal})
    proposal.organisation = organisation


def _set_call(proposal: Proposal, call_id) -> None:
    """Send the proposal to a published call that has not closed; only a draft changes call."""
    if call_id is UNCHANGED or call_id == proposal.call_id:
        return
    call = db.session.get(Call, call_id) if call_id else None
    refusal = None
    if proposal.status != ProposalStatus.DRAFT:
        refusal = _("Indkaldelsen kan kun vælges, mens forslaget er en kladde.")
    elif call_id and (call is None or not call.is_published):
        refusal = _("Ukendt indkaldelse.")
    elif call is not None and call.closes_at <= utcnow():
        refusal = _closed_message(call)
    if refusal:
        raise ValidationFailed(refusal, {"call_id": refusal})
    proposal.call = call


def _closed_message(call: Call) -> str:
    return _(
        "Indkaldelsen lukkede %(when)s. Gem forslaget som kladde, eller send det uden for"
        " indkaldelsen.",
        when=_when(call.closes_at),
    )


def _when(moment) -> str:
    """A call's opening or close as the refusal tells it, in the municipality's time."""
    return format_datetime(moment, "d. MMMM y 'kl.' HH:mm")


def _check_call_open(proposal: Proposal) -> None:
    """Refuse to send a proposal to a call that is not open now (the server's clock)."""
    call, now = proposal.call, utcnow()
    if call is None or call.is_open_at(now):
        return
    if call.clock_phase(now) == CallPhase.UPCOMING:
        refusal = _(
            "Indkaldelsen åbner %(when)s. Gem forslaget som kladde indtil da.",
            when=_when(call.opens_at),
        )
    else:
        refusal = _closed_message(call)
    raise ValidationFailed(refusal, {"call_id": refusal})


def _all_checked(*steps) -> None:
    """Run every step; if any refuse, refuse once, naming the fields of all of them."""
    fields, message = {}, None
    for step in steps:
        try:
            step()
        except ValidationFailed as error:
            fields.update(error.fields)
            message = message or error.message
    if fields:
        raise ValidationFailed(message, fields)


def _refuse(actor, proposal: Proposal, state_message: str):
    """Tell the author the state forbids it; tell anyone else it is not theirs."""
    if permissions.is_author(actor, proposal):
        raise TransitionNotAllowed(state_message)
    raise PermissionDenied(_("Kun forfatteren kan gøre dette."))


def _apply_content(proposal: Proposal, title: str, summary: str, body: str, theme_ids) -> None:
    """Write the text; without themes chosen, a proposal to a call takes the call's."""
    check_text(title=(title, TITLE_MAX), summary=(summary, SUMMARY_MAX), body=(body, BODY_MAX))
    if not theme_ids and proposal.call is not None:
        theme_ids = proposal.call.theme_ids
    themes = chosen_themes(theme_ids)
    proposal.title = title.strip()
    proposal.summary = summary.strip()
    proposal.body = body
    proposal.body_html = render_markdown(body)
    proposal.theme_links = [
        ProposalTheme(theme_id=theme.id, theme=theme, position=position)
        for position, theme in enumerate(themes)
    ]
    proposal.updated_at = utcnow()


def create_proposal(
    author,
    *,
    title: str,
    summary: str,
    body: str,
    theme_ids,
    organisation_id: int | None = None,
    call_id: int | None = None,
    submit: bool = True,
) -> Proposal:
    """Create a proposal as a draft, or submit it to moderation at once.

    With organisation_id the author proposes on behalf of an organisation they act for;
    with call_id, in answer to a call for proposals (sent only while the call is open).
    """
    if not permissions.can_create_proposal(author):
        raise PermissionDenied(_("Log ind for at stille et forslag."))
    proposal = Proposal(author=author, status=ProposalStatus.DRAFT)
    _all_checked(
        lambda: _set_organisation(proposal, author, organisation_id),
        lambda: _set_call(proposal, call_id),
        lambda: _apply_content(proposal, title, summary, body, theme_ids),
    )
    if submit:
        _check_call_open(proposal)
    db.session.add(proposal)
    db.session.flush()
    follow_proposal_quietly(author, proposal)
    if submit:
        _send_to_moderation(proposal, Action.SUBMIT, author)
    return proposal


def update_proposal(
    proposal: Proposal,
    actor,
    *,
    title: str,
    summary: str,
    body: str,
    theme_ids,
    organisation_id=UNCHANGED,
    call_id=UNCHANGED,
) -> Proposal:
    """Change the text and themes while the author and co-authors may still edit (and the
    call, while it is a draft)."""
    if not permissions.can_edit_proposal(actor, proposal):
        message = _("Forslaget kan ikke redigeres i sin nuværende status.")
        if permissions.is_coauthor(actor, proposal):
            raise TransitionNotAllowed(message)
        _refuse(actor, proposal, message)
    _all_checked(
        lambda: _set_organisation(proposal, actor, organisation_id),
        lambda: _set_call(proposal, call_id),
        lambda: _apply_content(proposal, title, summary, body, theme_ids),
    )
    flush_proposal()
    return proposal


def submit_proposal(proposal: Proposal, actor) -> Proposal:
    """Send a draft, or a proposal changed on request, to the moderators."""
    if not permissions.can_submit_proposal(actor, proposal):
        _refuse(actor, proposal, _("Forslaget kan ikke indsendes i sin nuværende status."))
    action = Action.RESUBMIT if proposal.status.is_sent_back else Action.SUBMIT
    if action == Action.SUBMIT:
        # Sent back for changes, it was sent to the call in time already.
        _check_call_open(proposal)
    _send_to_moderation(proposal, action, actor)
    return proposal


def _send_to_moderation(proposal: Proposal, action: Action, actor) -> None:
    change = transition(proposal, action, actor)
    announce_about(PROPOSAL_RECEIVED, f"status_change:{change.id}", proposal, actor=actor)


def withdraw_proposal(proposal: Proposal, actor, reason: str = "") -> Proposal:
    """Let the author take the proposal back before it has been answered."""
    if not permissions.can_withdraw_proposal(actor, proposal):
        _refuse(actor, proposal, _("Forslaget kan ikke trækkes tilbage, når det er besvaret."))
    transition(proposal, Action.WITHDRAW, actor, reason)
    return proposal
