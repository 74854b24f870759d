"""Take the README's screenshots of the demo municipality in Debian's Chromium.

.venv/bin/python bench/screenshots.py    (or: make screenshots)
"""

import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


# Pictures of the first screen only: the rest of these pages is more of the same.
FIRST_SCREEN = {"notifications", "barometer"}
# Pictures of one part of a page, from its anchor down one screen.
AT_ANCHOR = {"follow-up"}

CITIZEN = "mette.holm@demo.cocreate.dk"
MODERATOR = "moderator@demo.cocreate.dk"
PANEL_MEMBER = "panel2@demo.cocreate.dk"


def _sign_in(page, base: str, email: str) -> None:
    from cocreate.demo.data import demo_content

    (account,) = [account for account in demo_content().accounts if account.email == email]
    page.context.clear_cookies()
    page.goto(base + "/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Adgangskode").fill(account.password)
    with page.expect_navigation():
        page.get_by_label("Adgangskode").press("Enter")


def _demo_pages() -> dict[str, tuple[str | None, str]]:
    """Each picture: who looks (None: a visitor) and at which page of the demo."""
    from sqlalchemy import select

    from cocreate.calls.models import CallPhase
    from cocreate.departments.models import Milestone
    from cocreate.extensions import db
    from cocreate.panel.models import PanelReviewRequest
    from cocreate.proposals.calls import phased_calls
    from cocreate.proposals.lifecycle import ProposalStatus
    from cocreate.proposals.models import Proposal
    from cocreate.strategy.models import DepartmentMembership

    def first(status):
        return db.session.query(Proposal).filter_by(status=status).order_by(Proposal.id).first()

    answered, handled = first(ProposalStatus.ACCEPTED), first(ProposalStatus.UNDER_REVIEW)
    staff = (
        db.session.query(DepartmentMembership)
        .filter_by(department_id=handled.department_id)
        .first()
        .user.email
    )
    requested = db.session.query(PanelReviewRequest).order_by(PanelReviewRequest.id.desc())
    (open_call,) = [c.call for c in phased_calls(None, phase=CallPhase.OPEN)]
    followed_up = db.session.scalar(select(Milestone.proposal_id).order_by(Milestone.id))
    return {
        "proposals": (None, "/proposals"),
        "proposal": (None, f"/proposals/{answered.id}"),
        "form": (CITIZEN, "/proposals/new"),
        "notifications": (CITIZEN, "/notifications"),
        "moderation": (MODERATOR, "/moderation"),
        "handling": (staff, f"/departments/proposals/{handled.id}"),
        "review": (PANEL_MEMBER, f"/panel/proposals/{requested.first().proposal_id}/review"),
        "theme": (None, f"/themes/{answered.themes[0].slug}"),
        "barometer": (None, "/barometer"),
        "call": (None, f"/calls/{open_call.id}"),
        "follow-up": (None, f"/proposals/{followed_up}#follow-up"),
    }


def main() -> None:
    folder = tempfile.mkdtemp(prefix="cocreate-shots-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/demo.db"
    from flask_migrate import upgrade

    from cocreate import create_app

    app = create_app({"RATELIMIT_ENABLED": False})
    with app.app_context():
        upgrade()
        assert app.test_cli_runner().invoke(args=["seed-demo"]).exit_code == 0
        pages = _demo_pages()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="da-DK")
        for name, (email, path) in pages.items():
            if email is not None:
                _sign_in(page, base, email)
            else:
                page.context.clear_cookies()
            page.goto(base + path)
            whole = name not in FIRST_SCREEN | AT_ANCHOR
            page.screenshot(path=str(OUT / f"{name}.png"), full_page=whole)
            print(f"wrote {OUT / name}.png")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
