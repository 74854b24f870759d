"""Pages for reading, writing, submitting and withdrawing proposals."""

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from cocreate.calls.models import CallPhase
from cocreate.core.pagination import paginate, requested_page
from cocreate.core.sanitize import render_markdown
from cocreate.core.views import carried_out, perform, require
from cocreate.proposals import permissions, services
from cocreate.proposals.calls import phased_calls
from cocreate.proposals.engagement import supports
from cocreate.proposals.forms import ProposalForm
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.listing import listing
from cocreate.proposals.page import page_context, render_proposal_page
from cocreate.proposals.queries import (
    ProposalFilters,
    authored_by,
    load_proposal,
    public_proposals,
    visible_proposal,
)
from cocreate.proposals.similar.find import similar_proposals
from cocreate.proposals.similar.texts import similar_texts
from cocreate.strategy.queries import all_departments, all_themes

bp = Blueprint("proposals", __name__)


@bp.get("/")
def home():
    latest = paginate(public_proposals(ProposalFilters()), 1, 6)
    return render_template(
        "proposals/home.html",
        latest=latest.items,
        themes=all_themes(),
        open_calls=phased_calls(None, phase=CallPhase.OPEN),
    )


@bp.get("/how-it-works")
def how_it_works():
    """The journey of a proposal, its states and its deadlines, in short."""
    return render_template("proposals/how_it_works.html", statuses=list(ProposalStatus))


@bp.get("/proposals")
def index():
    listed = listing()
    return render_template(
        "proposals/index.html",
        themes=all_themes(),
        departments=all_departments(),
        **listed.context(),
    ), listed.status


@bp.get("/my/proposals")
@login_required
def mine():
    page = paginate(authored_by(current_user), requested_page(), current_app.config["PER_PAGE"])
    return render_template("proposals/mine.html", page=page)


@bp.route("/proposals/new", methods=["GET", "POST"])
@login_required
def new():
    form = ProposalForm(actor=current_user)
    if request.method == "GET":
        form.choose_call(request.args.get("call", type=int))
    if form.validate_on_submit() and not form.preview.data:
        submit = bool(form.submit.data)
        done, proposal = perform(
            lambda: services.create_proposal(current_user, submit=submit, **form.content()), form
        )
        if done:
            if submit:
                flash(_("Tak! Dit forslag er sendt til moderation."), "success")
            else:
                flash(_("Dit forslag er gemt som kladde."), "success")
            return redirect(url_for("proposals.detail", proposal_id=proposal.id))
    return _form_page(form, None)


@bp.get("/proposals/<int:proposal_id>")
def detail(proposal_id: int):
    proposal = load_proposal(proposal_id)
    if proposal is not None and permissions.is_hidden_from(current_user, proposal):
        # Hidden by a moderator: the public learns that, not what it said. A supporter
        # may still take the support back.
        withdrawable = permissions.can_withdraw_support(current_user, proposal) and supports(
            current_user, proposal
        )
        return render_template(
            "proposals/hidden.html", proposal_id=proposal.id, can_withdraw_support=withdrawable
        )
    proposal = visible_proposal(proposal_id, current_user)
    return render_proposal_page(proposal, current_user, page_context(proposal, current_user))


@bp.route("/proposals/<int:proposal_id>/edit", methods=["GET", "POST"])
@login_required
def edit(proposal_id: int):
    proposal = visible_proposal(proposal_id, current_user)
    require(permissions.is_author_or_coauthor(current_user, proposal))
    if not permissions.can_edit_proposal(current_user, proposal):
        flash(
            _(
                "Forslaget kan ikke redigeres, når det er %(status)s.",
                status=proposal.status.label.lower(),
            ),
            "error",
        )
        return redirect(url_for("proposals.detail", proposal_id=proposal.id))
    form = ProposalForm(obj=proposal, actor=current_user)
    if request.method == "GET":
        form.theme_ids.data = proposal.theme_ids
        form.main_theme_id.data = proposal.theme_ids[0] if proposal.theme_ids else None
    if form.validate_on_submit() and not form.preview.data:

        def update():
            services.update_proposal(proposal, current_user, **form.content())
            if form.submit.data and permissions.can_submit_proposal(current_user, proposal):
                services.submit_proposal(proposal, current_user)

        if perform(update, form)[0]:
            flash(_("Dine ændringer er gemt."), "success")
            return redirect(url_for("proposals.detail", proposal_id=proposal.id))
    return _form_page(form, proposal)


def _form_page(form, proposal):
    """The proposal's form; asked for a preview of what passes the form's checks, it shows
    the proposal as it will read above the form, with the public proposals that are
    probably the same idea, and keeps everything written in it."""
    preview, similar = None, []
    if form.preview.data and not form.errors:
        themes = {choice.value: choice.label for choice in form.theme_ids.choices}
        preview = {
            "body_html": render_markdown(form.body.data),
            "themes": [themes[theme] for theme in form.chosen_theme_ids() if theme in themes],
        }
        similar = similar_proposals(
            form.title.data, form.summary.data, excluding=proposal.id if proposal else None
        )
    return render_template(
        "proposals/form.html",
        form=form,
        proposal=proposal,
        preview=preview,
        similar=similar,
        similar_texts=similar_texts(),
    )


def _step_on_page(proposal_id: int, step, said: str):
    """Take a step on the proposal from its page, and come back to it."""
    proposal = visible_proposal(proposal_id, current_user)
    back = url_for("proposals.detail", proposal_id=proposal_id)
    return carried_out(lambda: step(proposal, current_user), said, back) or redirect(back)


@bp.post("/proposals/<int:proposal_id>/submit")
@login_required
def submit(proposal_id: int):
    return _step_on_page(
        proposal_id, services.submit_proposal, _("Dit forslag er sendt til moderation.")
    )


@bp.post("/proposals/<int:proposal_id>/withdraw")
@login_required
def withdraw(proposal_id: int):
    return _step_on_page(
        proposal_id, services.withdraw_proposal, _("Dit forslag er trukket tilbage.")
    )


# The pages of co-authors, comments, support and follow, rating the answer, and themes
# register their routes on bp; the public pages of calls on the calls' blueprint.
from cocreate.proposals import (  # noqa: E402, F401
    call_views,
    coauthor_views,
    comment_views,
    engagement_views,
    rating_views,
    theme_views,
)
