"""The strategies and their themes, and following a theme (pages under /themes)."""

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from cocreate.accounts.views import safe_next
from cocreate.calls.models import CallPhase
from cocreate.core.views import perform, tell_change
from cocreate.extensions import db
from cocreate.proposals import follows
from cocreate.proposals.calls import phased_calls
from cocreate.proposals.permissions import can_follow_theme
from cocreate.proposals.theme_page import theme_page
from cocreate.proposals.views import bp
from cocreate.strategy.models import Theme
from cocreate.strategy.queries import all_strategies


@bp.get("/themes")
def themes():
    return render_template(
        "proposals/themes.html",
        strategies=all_strategies(),
        can_follow=can_follow_theme(current_user),
        followed=follows.followed_theme_ids(current_user),
    )


@bp.get("/themes/<slug>")
def theme(slug: str):
    found = _theme_or_404(slug)
    return render_template(
        "proposals/theme.html",
        page=theme_page(found),
        open_calls=phased_calls(None, phase=CallPhase.OPEN, theme=found),
        can_follow=can_follow_theme(current_user),
        following=found.id in follows.followed_theme_ids(current_user),
    )


def _theme_or_404(slug: str) -> Theme:
    theme = db.session.scalar(
        select(Theme)
        .where(Theme.slug == slug)
        .options(joinedload(Theme.strategy), joinedload(Theme.department))
    )
    if theme is None:
        abort(404)
    return theme


def _back_to(theme: Theme):
    target = safe_next(request.form.get("next"))
    return redirect(target or url_for("proposals.themes", _anchor=f"theme-{theme.id}"))


def _engage(slug: str, step, changed: str, unchanged: str):
    """Follow a theme or stop, say whether that changed anything, and go back."""
    theme = _theme_or_404(slug)
    done, changing = perform(lambda: step(theme, current_user))
    tell_change(
        done,
        changing,
        changed % {"title": theme.display_title},
        unchanged % {"title": theme.display_title},
    )
    return _back_to(theme)


@bp.post("/themes/<slug>/follow")
@login_required
def follow_theme(slug: str):
    return _engage(
        slug,
        follows.follow_theme,
        _("Du følger nu temaet %(title)s."),
        _("Du følger allerede temaet %(title)s."),
    )


@bp.post("/themes/<slug>/unfollow")
@login_required
def unfollow_theme(slug: str):
    return _engage(
        slug,
        follows.unfollow_theme,
        _("Du følger ikke længere temaet %(title)s."),
        _("Du fulgte ikke temaet %(title)s."),
    )
