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


CITIZEN = "mette.holm@demo.cocreate.dk"


def _sign_in(page, base: str, email: str) -> None:
    from cocreate.demo.data import demo_content

    (account,) = [account for account in demo_content().accounts if account.email == email]
    page.goto(base + "/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Adgangskode").fill(account.password)
    with page.expect_navigation():
        page.get_by_label("Adgangskode").press("Enter")


def main() -> None:
    folder = tempfile.mkdtemp(prefix="cocreate-shots-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/demo.db"
    from flask_migrate import upgrade

    from cocreate import create_app
    from cocreate.extensions import db
    from cocreate.proposals.lifecycle import ProposalStatus
    from cocreate.proposals.models import Proposal

    app = create_app({"RATELIMIT_ENABLED": False})
    with app.app_context():
        upgrade()
        assert app.test_cli_runner().invoke(args=["seed-demo"]).exit_code == 0
        answered = db.session.query(Proposal).filter_by(status=ProposalStatus.ACCEPTED).first()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="da-DK")
        for name, path in (("proposals", "/proposals"), ("proposal", f"/proposals/{answered.id}")):
            page.goto(base + path)
            page.screenshot(path=str(OUT / f"{name}.png"), full_page=name == "proposal")
            print(f"wrote {OUT / name}.png")
        _sign_in(page, base, CITIZEN)
        page.goto(base + "/notifications")
        page.screenshot(path=str(OUT / "notifications.png"))
        print(f"wrote {OUT / 'notifications'}.png")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
