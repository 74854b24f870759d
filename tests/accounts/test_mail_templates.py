"""The plain-text mails say what their HTML twins say, so one translation serves both.

babel.cfg extracts strings from templates/**.html only; a sentence found only in a .txt
mail would never reach the catalogue.
"""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
MAILS = TEMPLATES / "accounts" / "email"
# Every HTML mail extends it: the greeting and the signature are written there.
LAYOUT = TEMPLATES / "mail.html"
MESSAGE = re.compile(r'_\("([^"]+)"')


@pytest.mark.parametrize("name", ["confirm", "reset"])
def test_text_mail_uses_only_strings_of_the_html_mail(name):
    text = set(MESSAGE.findall((MAILS / f"{name}.txt").read_text()))
    html = set(MESSAGE.findall((MAILS / f"{name}.html").read_text() + LAYOUT.read_text()))
    assert text and text <= html
