"""Counts on the pages are written as the reader's language writes numbers."""

import pytest
from flask import render_template_string

COUNTED = "{{ ngettext('%(num)s støtte', '%(num)s støtter', count) }} · {{ count | number }}"


@pytest.mark.parametrize(
    ("language", "written"),
    [("da", "12.345 støtter · 12.345"), ("en", "12,345 supporters · 12,345")],
)
def test_a_count_is_written_in_the_readers_language(app, language, written):
    with app.app_context(), app.test_request_context(headers={"Accept-Language": language}):
        assert render_template_string(COUNTED, count=12345) == written


def test_one_takes_the_singular(app):
    with app.app_context(), app.test_request_context():
        assert render_template_string(COUNTED, count=1) == "1 støtte · 1"


def test_the_other_values_of_a_counted_text_are_still_escaped(app):
    template = "{{ ngettext('%(num)s af %(name)s', '%(num)s af %(name)s', 2, name=name) }}"
    with app.app_context(), app.test_request_context():
        assert render_template_string(template, name="<b>") == "2 af &lt;b&gt;"
