"""A live server on 127.0.0.1 and Debian's Chromium driven by Playwright."""

import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from tests.factories import PASSWORD

AXE = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe.min.js"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def live_server(app):
    """Serve the test app from a thread; requests get their own app contexts there."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed; `make test` installs it.")
    if not AXE.exists():
        pytest.fail("static/vendor/axe.min.js is missing; `make install` puts it there.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server, locale="da-DK")
    page = context.new_page()
    problems = []
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and response.request.resource_type != "document"
            and problems.append(f"{response.status} {response.url}")
        ),
    )
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and "Failed to load resource" not in message.text
            and problems.append(message.text)
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.problems = problems
    yield page
    context.close()


@pytest.fixture
def sign_in_as():
    """Log a page in through the real form, with the keyboard, in whatever language."""

    def _sign_in(page, user):
        page.goto("/login")
        page.locator("#email").fill(user.email)
        page.locator("#password").fill(PASSWORD)
        with page.expect_navigation():
            page.locator("#password").press("Enter")
        return user

    return _sign_in


@pytest.fixture
def sign_in(page, sign_in_as):
    """Log the test's page in."""
    return lambda user: sign_in_as(page, user)


def axe_violations(page) -> list[dict]:
    """Run axe-core (served by the app itself, so the CSP allows it) on the page."""
    page.add_script_tag(url="/static/vendor/axe.min.js")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["html"][:160] for n in v["nodes"]]}
        for v in result["violations"]
    ]
