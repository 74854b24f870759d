"""cocreate: citizen co-creation for Danish municipalities."""

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from cocreate.core.types import ID_MAX

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    """Build the application from the environment, overridden by config."""
    from cocreate.config import settings_from_environment

    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_mapping(settings_from_environment(app.instance_path))
    if config:
        app.config.update(config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    if hops := app.config["PROXY_HOPS"]:
        # Trust exactly this many proxies, so rate limits see the visitor's own address.
        # Not X-Forwarded-Host: links in e-mails come from PUBLIC_URL, never from a header.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
    # Ids in paths beyond what the id columns hold are 404s, not database errors.
    app.url_map.converters["int"] = RowIdConverter
    _init_extensions(app)
    _register_blueprints(app)

    from cocreate.core.web import init_web
    from cocreate.site import init_site

    init_web(app)
    init_site(app)

    from cocreate.cli import register_commands

    register_commands(app)
    return app


class RowIdConverter(IntegerConverter):
    """The `int` converter, bounded to the range of a database id."""

    def __init__(self, url_map, **kwargs):
        kwargs.setdefault("max", ID_MAX)
        super().__init__(url_map, **kwargs)


def _init_extensions(app: Flask) -> None:
    from cocreate import models, registrations  # noqa: F401  (every table and job known at once)
    from cocreate.core.types import render_migration_item
    from cocreate.extensions import (
        babel,
        cache,
        csrf,
        db,
        limiter,
        login_manager,
        migrate,
        select_locale,
    )
    from cocreate.proposals.search.models import compared_by_alembic

    db.init_app(app)
    migrate.init_app(
        app,
        db,
        directory=str(ROOT / "migrations"),
        render_as_batch=True,
        compare_type=True,
        render_item=render_migration_item,
        include_object=compared_by_alembic,
    )
    login_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    cache.init_app(app)
    babel.init_app(app, locale_selector=select_locale)

    from cocreate.accounts.session import init_login

    init_login(app)


def _register_blueprints(app: Flask) -> None:
    from cocreate.accounts.views import bp as accounts
    from cocreate.admin.views import bp as admin
    from cocreate.api import bp as api
    from cocreate.calls.views import bp as calls
    from cocreate.departments.views import bp as departments
    from cocreate.moderation.views import bp as moderation
    from cocreate.notifications.views import bp as notifications
    from cocreate.organisations.views import bp as organisations
    from cocreate.panel.views import bp as panel
    from cocreate.proposals.views import bp as proposals
    from cocreate.stats.views import bp as stats

    for blueprint in (
        accounts,
        organisations,
        proposals,
        calls,
        moderation,
        departments,
        panel,
        notifications,
        stats,
        admin,
        api,
    ):
        app.register_blueprint(blueprint)
