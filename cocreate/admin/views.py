"""Administration: accounts, their roles and departments, the audit log, background jobs."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from cocreate.accounts import services as accounts
from cocreate.accounts.models import User
from cocreate.accounts.roles import Role
from cocreate.admin import background, queries
from cocreate.admin.audit_log import audit_rows
from cocreate.admin.forms import (
    AuditFilterForm,
    DepartmentMembershipForm,
    UserSearchForm,
    action_label,
)
from cocreate.admin.permissions import can_view_audit, is_admin
from cocreate.admin.services import (
    add_staff,
    grant_role_as_admin,
    remove_staff,
    revoke_role_as_admin,
)
from cocreate.core import outbox
from cocreate.core.audit import AuditEntry
from cocreate.core.outbox import OutboxMessage
from cocreate.core.pagination import paginate, requested_page
from cocreate.core.views import carried_out, get_or_404, perform, require
from cocreate.strategy.models import Department, Theme
from cocreate.strategy.queries import all_departments

bp = Blueprint("admin", __name__, url_prefix="/admin")

# Roles an admin hands out; everyone is a citizen already.
GRANTABLE_ROLES = [role for role in Role if role != Role.CITIZEN]


@bp.before_request
def only_admins():
    require(is_admin(current_user))


@bp.get("")
def index():
    return render_template(
        "admin/index.html",
        user_count=queries.count_rows(User),
        theme_count=queries.count_rows(Theme),
        department_count=queries.count_rows(Department),
        audit_count=queries.count_rows(AuditEntry),
        job_counts=background.job_counts(),
    )


@bp.get("/users")
def users():
    form = UserSearchForm(formdata=request.args)
    page = paginate(
        queries.search_users(form.q.data or ""), requested_page(), current_app.config["PER_PAGE"]
    )
    return render_template("admin/users.html", form=form, page=page)


@bp.get("/users/<int:user_id>")
def user(user_id: int):
    account = get_or_404(User, user_id)
    joined = account.department_ids
    return render_template(
        "admin/user.html",
        account=account,
        roles=GRANTABLE_ROLES,
        staff_role=Role.DEPARTMENT_STAFF,
        department_form=DepartmentMembershipForm(
            formdata=None, departments=[d for d in all_departments() if d.id not in joined]
        ),
    )


def _role(value: str) -> Role:
    if value not in {role.value for role in GRANTABLE_ROLES}:
        abort(404)
    return Role(value)


@bp.post("/users/<int:user_id>/roles/<role>/grant")
def grant_role(user_id: int, role: str):
    account, granted = get_or_404(User, user_id), _role(role)
    if perform(lambda: grant_role_as_admin(current_user, account, granted))[0]:
        flash(
            _("%(name)s har nu rollen %(role)s.", name=account.name, role=granted.label), "success"
        )
    return redirect(url_for("admin.user", user_id=user_id))


@bp.post("/users/<int:user_id>/roles/<role>/revoke")
def revoke_role(user_id: int, role: str):
    account, revoked = get_or_404(User, user_id), _role(role)
    if perform(lambda: revoke_role_as_admin(current_user, account, revoked))[0]:
        flash(
            _("%(name)s har ikke længere rollen %(role)s.", name=account.name, role=revoked.label),
            "success",
        )
    return redirect(url_for("admin.user", user_id=user_id))


@bp.post("/users/<int:user_id>/deactivate")
def deactivate_user(user_id: int):
    return _set_active(user_id, False, _("%(name)s kan ikke længere logge ind."))


@bp.post("/users/<int:user_id>/reactivate")
def reactivate_user(user_id: int):
    return _set_active(user_id, True, _("%(name)s kan logge ind igen."))


def _set_active(user_id: int, active: bool, said: str):
    account = get_or_404(User, user_id)
    if perform(lambda: accounts.set_account_active(current_user, account, active))[0]:
        flash(said % {"name": account.name}, "success")
    return redirect(url_for("admin.user", user_id=user_id))


@bp.post("/users/<int:user_id>/departments")
def add_department(user_id: int):
    account = get_or_404(User, user_id)
    form = DepartmentMembershipForm(departments=all_departments())
    if not form.validate_on_submit():
        for message in form.department_id.errors:
            flash(message, "error")
        return redirect(url_for("admin.user", user_id=user_id))
    department = get_or_404(Department, form.department_id.data)
    back = url_for("admin.user", user_id=user_id)
    return carried_out(
        lambda: add_staff(current_user, department, account, form.is_head.data),
        _(
            "%(name)s er tilføjet til %(department)s.",
            name=account.name,
            department=department.display_name,
        ),
        back,
    ) or redirect(back)


@bp.post("/users/<int:user_id>/departments/<int:department_id>/remove")
def remove_department(user_id: int, department_id: int):
    account, department = get_or_404(User, user_id), get_or_404(Department, department_id)
    back = url_for("admin.user", user_id=user_id)
    return carried_out(
        lambda: remove_staff(current_user, department, account),
        _(
            "%(name)s er fjernet fra %(department)s.",
            name=account.name,
            department=department.display_name,
        ),
        back,
    ) or redirect(back)


@bp.get("/audit")
def audit():
    require(can_view_audit(current_user))
    form = AuditFilterForm(
        formdata=request.args, actions=queries.audit_actions(), actors=queries.audit_actors()
    )
    form.validate()
    page = paginate(
        queries.audit_entries(**form.filters()), requested_page(), current_app.config["PER_PAGE"]
    )
    return render_template(
        "admin/audit.html",
        form=form,
        page=page,
        rows=audit_rows(page.items),
        action_label=action_label,
    )


@bp.get("/jobs")
def background_jobs():
    page = paginate(background.failed_messages(), requested_page(), current_app.config["PER_PAGE"])
    return render_template(
        "admin/jobs.html",
        counts=background.job_counts(),
        page=page,
        max_attempts=outbox.MAX_ATTEMPTS,
    )


@bp.post("/jobs/<int:message_id>/retry")
def retry_job(message_id: int):
    message = get_or_404(OutboxMessage, message_id)
    if perform(lambda: background.retry_failed_message(current_user, message))[0]:
        flash(
            _("Jobbet %(job)s nr. %(id)d er sat i gang igen.", job=message.job, id=message_id),
            "success",
        )
    return redirect(url_for("admin.background_jobs"))


@bp.post("/jobs/retry-all")
def retry_all_jobs():
    done, count = perform(lambda: background.retry_all_failed(current_user))
    if done and count:
        flash(
            ngettext(
                "%(num)d fejlet job er sat i gang igen.",
                "%(num)d fejlede job er sat i gang igen.",
                count,
            ),
            "success",
        )
    elif done:
        flash(_("Der er ingen fejlede job at prøve igen."), "info")
    return redirect(url_for("admin.background_jobs"))


# The municipality's strategies, themes and departments register their pages on bp.
from cocreate.admin import municipality  # noqa: E402, F401
