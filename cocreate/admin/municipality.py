"""Administering the municipality: its strategies and themes, its departments and their staff.

The pages register on the admin blueprint, whose guard lets only admins in.
"""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from cocreate.accounts.models import User
from cocreate.admin import services
from cocreate.admin.views import bp
from cocreate.core.views import add_views, carried_out, get_or_404, perform
from cocreate.extensions import db
from cocreate.strategy import services as strategy
from cocreate.strategy.forms import DepartmentForm, StaffForm, StrategyForm, ThemeForm
from cocreate.strategy.models import Department, DepartmentMembership, Strategy, Theme
from cocreate.strategy.queries import all_departments, all_strategies


@bp.get("/strategies")
def strategies():
    return render_template("admin/strategies.html", strategies=all_strategies())


@bp.route("/strategies/new", methods=["GET", "POST"])
def new_strategy():
    form = StrategyForm(new=True)
    return _form_page(
        form,
        lambda: strategy.create_strategy(current_user, **form.values()),
        lambda made: _("Strategien %(title)s er oprettet.", title=made.title),
        _("Ny strategi"),
    )


@bp.route("/strategies/<int:strategy_id>", methods=["GET", "POST"])
def edit_strategy(strategy_id: int):
    found = get_or_404(Strategy, strategy_id)
    form = StrategyForm(obj=found, new=False)
    return _form_page(
        form,
        lambda: strategy.update_strategy(found, current_user, **form.values()),
        _("Strategien er gemt."),
        found.display_title,
    )


@bp.route("/themes/new", methods=["GET", "POST"])
def new_theme():
    form = ThemeForm(new=True, strategy_id=request.args.get("strategy", 0, type=int))
    return _form_page(
        form,
        lambda: strategy.create_theme(current_user, **_placed(form.values())),
        lambda made: _("Temaet %(title)s er oprettet.", title=made.title),
        _("Nyt tema"),
    )


@bp.route("/themes/<int:theme_id>", methods=["GET", "POST"])
def edit_theme(theme_id: int):
    theme = get_or_404(Theme, theme_id)
    form = ThemeForm(obj=theme, new=False)

    def change():
        values = _placed(form.values())
        if values["position"] is None:
            values["position"] = theme.position
        strategy.update_theme(theme, current_user, **values)

    return _form_page(form, change, _("Temaet er gemt."), theme.display_title)


def _placed(values: dict) -> dict:
    """The form's values with the chosen strategy and department loaded."""
    values["strategy"] = get_or_404(Strategy, values.pop("strategy_id"))
    values["department"] = get_or_404(Department, values.pop("department_id"))
    return values


def _taken(form, change, said, then):
    """Once the form is sent and the service takes it, say so and go on; else None."""
    return carried_out(change, said, then, form) if form.validate_on_submit() else None


def _form_page(form, change, said, heading: str, then=None, section=None):
    """The form on its page; once sent and taken by the service, say so and go on."""
    section = section or _strategies_section()
    return _taken(form, change, said, then or section[1]) or render_template(
        "admin/edit.html", form=form, heading=heading, section=section
    )


def _strategies_section() -> tuple[str, str]:
    return _("Strategier og temaer"), url_for("admin.strategies")


def _departments_section() -> tuple[str, str]:
    return _("Forvaltninger"), url_for("admin.departments")


@bp.get("/departments")
def departments():
    return render_template(
        "admin/departments.html",
        departments=all_departments(),
        staff=_staff_by_department(),
    )


@bp.route("/departments/new", methods=["GET", "POST"])
def new_department():
    form = DepartmentForm(new=True)
    return _form_page(
        form,
        lambda: strategy.create_department(current_user, **form.values()),
        lambda made: _("Forvaltningen %(name)s er oprettet.", name=made.name),
        _("Ny forvaltning"),
        then=lambda made: url_for("admin.department", department_id=made.id),
        section=_departments_section(),
    )


@bp.route("/departments/<int:department_id>", methods=["GET", "POST"])
def department(department_id: int):
    found = get_or_404(Department, department_id)
    form = DepartmentForm(obj=found, new=False)
    return _taken(
        form,
        lambda: strategy.update_department(found, current_user, **form.values()),
        _("Forvaltningen er gemt."),
        url_for("admin.department", department_id=department_id),
    ) or _department_page(found, form, StaffForm(formdata=None))


@bp.post("/departments/<int:department_id>/staff")
def add_staff(department_id: int):
    found = get_or_404(Department, department_id)
    staff_form = StaffForm()
    return _taken(
        staff_form,
        lambda: services.add_staff_by_email(
            current_user, found, staff_form.email.data, staff_form.is_head.data
        ),
        lambda user: _("%(name)s er nu medarbejder i forvaltningen.", name=user.name),
        url_for("admin.department", department_id=department_id, _anchor="staff"),
    ) or _department_page(found, DepartmentForm(obj=found, new=False), staff_form)


def _make_head(actor, department, user):
    services.set_department_head(actor, department, user, True)


def _unmake_head(actor, department, user):
    services.set_department_head(actor, department, user, False)


def _staff_step(step, department_id: int, user_id: int):
    """Change one member of the department's staff, say so, and go back to the list."""
    change, said = step
    found, user = get_or_404(Department, department_id), get_or_404(User, user_id)
    if perform(lambda: change(current_user, found, user))[0]:
        flash(said % {"name": user.name}, "success")
    return redirect(url_for("admin.department", department_id=department_id, _anchor="staff"))


STAFF_RULE = "/departments/<int:department_id>/staff/<int:user_id>"
add_views(
    bp,
    _staff_step,
    {
        "make_head": (
            f"{STAFF_RULE}/head",
            (_make_head, _l("%(name)s er nu leder af forvaltningen.")),
        ),
        "unmake_head": (
            f"{STAFF_RULE}/not-head",
            (_unmake_head, _l("%(name)s er ikke længere leder af forvaltningen.")),
        ),
        "remove_staff": (
            f"{STAFF_RULE}/remove",
            (services.remove_staff, _l("%(name)s er fjernet fra forvaltningen.")),
        ),
    },
    methods=["POST"],
)


def _department_page(found: Department, form, staff_form):
    members = db.session.scalars(
        select(DepartmentMembership)
        .options(selectinload(DepartmentMembership.user))
        .join(User, User.id == DepartmentMembership.user_id)
        .where(DepartmentMembership.department_id == found.id)
        .order_by(DepartmentMembership.is_head.desc(), User.name)
    ).all()
    themes = db.session.scalars(
        select(Theme).where(Theme.department_id == found.id).order_by(Theme.title)
    ).all()
    return render_template(
        "admin/department.html",
        heading=found.display_name,
        section=_departments_section(),
        department=found,
        form=form,
        staff_form=staff_form,
        members=members,
        themes=themes,
    )


def _staff_by_department() -> dict[int, list[DepartmentMembership]]:
    """Each department's staff, heads first, read in one query for the list."""
    rows = db.session.scalars(
        select(DepartmentMembership)
        .options(selectinload(DepartmentMembership.user))
        .order_by(DepartmentMembership.is_head.desc(), DepartmentMembership.id)
    )
    staff: dict[int, list[DepartmentMembership]] = {}
    for membership in rows:
        staff.setdefault(membership.department_id, []).append(membership)
    return staff
