"""User Markdown becomes safe HTML: nothing runs, ordinary Markdown survives."""

from html.parser import HTMLParser

import pytest

from cocreate.core.sanitize import render_markdown

REL = "nofollow ugc noopener"


class _Elements(HTMLParser):
    """Collect (tag, attributes) of every element in a fragment."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.text = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def _elements(html):
    return _Elements(html).elements


def _tags(html):
    return [tag for tag, _attrs in _elements(html)]


def _links(html):
    return [attrs for tag, attrs in _elements(html) if tag == "a"]


def _assert_inert(html):
    """No element can run script, load anything, or carry style."""
    for tag, attrs in _elements(html):
        assert tag not in {"script", "img", "svg", "iframe", "object", "embed", "style"}, html
        for name, value in attrs.items():
            assert not name.startswith("on"), html
            assert name != "style", html
            if name in {"href", "src"}:
                assert value.split(":", 1)[0].lower() in {"http", "https", "mailto"} or (
                    value.startswith("//")
                ), html


UNSAFE = {
    "script": '<script>alert("x")</script>',
    "script_in_paragraph": "Hej <script>alert(1)</script> med dig",
    "img_onerror": "<img src=x onerror=alert(1)>",
    "svg_onload": "<svg onload=alert(1)></svg>",
    "link_onclick": '<a href="https://ok.dk" onclick="steal()">klik</a>',
    "raw_link_javascript": '<a href="javascript:alert(1)">klik</a>',
    "style_attribute": '<p style="position:fixed;top:0">Falsk banner</p>',
    "style_element": "<style>body{display:none}</style>",
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "comment": "<!-- <script>alert(1)</script> -->",
    "markdown_javascript": "[klik](javascript:alert(1))",
    "markdown_javascript_upper": "[klik](JaVaScRiPt:alert(1))",
    "markdown_javascript_entity": "[klik](jav&#x61;script:alert(1))",
    "markdown_javascript_reference": "[klik][x]\n\n[x]: javascript:alert(1)",
    "markdown_javascript_autolink": "<javascript:alert(1)>",
    "markdown_vbscript": "[klik](vbscript:msgbox(1))",
    "markdown_data_html": "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "markdown_data_image": "![billede](data:image/png;base64,iVBORw0KGgo=)",
    "markdown_image_tracker": "![pixel](https://tracker.example/p.gif)",
    "markdown_title_breakout": '[klik](https://ok.dk "a" onmouseover="alert(1)")',
}


@pytest.mark.parametrize("source", UNSAFE.values(), ids=UNSAFE.keys())
def test_nothing_unsafe_survives(source):
    html = render_markdown(source)

    _assert_inert(html)
    assert "<script" not in html.lower()
    assert "javascript:" not in "".join(a.get("href", "") for a in _links(html)).lower()


def test_raw_html_is_shown_as_text_not_markup():
    html = render_markdown('<b onclick="x()">fed</b> <script>alert(1)</script>')

    assert _tags(html) == ["p"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert (
        "".join(_Elements(html).text).strip()
        == '<b onclick="x()">fed</b> <script>alert(1)</script>'
    )


def test_escaped_markup_stays_escaped():
    html = render_markdown("&lt;script&gt;alert(1)&lt;/script&gt; og <img src=x onerror=y>")

    _assert_inert(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; og &lt;img src=x onerror=y&gt;" in html


@pytest.mark.parametrize(
    "source", ["`a < b && <img src=x>`", "    a < b && <img src=x>\n"], ids=["inline", "block"]
)
def test_code_shows_its_characters_escaped_once(source):
    html = render_markdown(source)

    _assert_inert(html)
    assert "a &lt; b &amp;&amp; &lt;img src=x&gt;" in html
    assert "".join(_Elements(html).text).strip() == "a < b && <img src=x>"


@pytest.mark.parametrize("source", ["", None])
def test_nothing_renders_to_nothing(source):
    assert render_markdown(source).strip() == ""


def test_headings_survive():
    html = render_markdown("## Baggrund\n\n### Økonomi\n\n#### Detaljer")

    # Renumbered from h3 (the page's own headings stand above) and never deeper than h4.
    assert _tags(html) == ["h3", "h4", "h4"]
    assert "Økonomi" in html


@pytest.mark.parametrize("marker", ["#", "#####", "######"])
def test_every_heading_level_stays_a_heading(marker):
    html = render_markdown(f"{marker} Baggrund\n\nMere lys på stierne.")

    assert _tags(html)[0] == "h3"
    assert _tags(html)[1:] == ["p"]


def test_lists_emphasis_and_code_survive():
    html = render_markdown("- et\n- to\n\n1. først\n2. så\n\n*let* **fed** ~~ikke~~ `kode`")

    assert _tags(html) == ["ul", "li", "li", "ol", "li", "li", "p", "em", "strong", "s", "code"]


def test_blockquote_and_code_block_survive():
    html = render_markdown("> citat\n\n```\nprint('hej')\n```")

    assert _tags(html) == ["blockquote", "p", "pre", "code"]
    assert "print(" in html


def test_tables_survive_without_style():
    html = render_markdown("| Sted | Antal |\n|:-----|------:|\n| Torvet | 3 |")

    assert _tags(html) == ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"]
    _assert_inert(html)


@pytest.mark.parametrize(
    ("source", "href"),
    [
        ("[kommunen](https://www.kommune.dk/plan?a=1&b=2)", "https://www.kommune.dk/plan?a=1&b=2"),
        ("[gammel](http://kommune.dk)", "http://kommune.dk"),
        ("<https://kommune.dk/side>", "https://kommune.dk/side"),
        ("Se https://kommune.dk/side i dag", "https://kommune.dk/side"),
        ("[skriv](mailto:borger@kommune.dk)", "mailto:borger@kommune.dk"),
    ],
)
def test_links_survive_and_get_rel(source, href):
    [link] = _links(render_markdown(source))

    assert link["href"] == href
    assert link["rel"] == REL


def test_every_link_gets_rel_even_with_a_title():
    html = render_markdown('[a](https://a.dk "Titel") og [b](https://b.dk) og www.c.dk')

    links = _links(html)
    assert len(links) == 3
    assert all(link["rel"] == REL for link in links)
    assert links[0]["title"] == "Titel"


def test_code_is_not_linkified():
    html = render_markdown("`www.kommune.dk`\n\n    curl https://kommune.dk/api\n")

    assert _links(html) == []
