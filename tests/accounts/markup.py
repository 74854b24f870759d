"""Checks every page must pass: one h1, labelled fields, unique ids, nothing inline for the CSP."""

from html.parser import HTMLParser

UNLABELLED_INPUTS = {"hidden", "submit", "button", "image", "reset"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.h1 = 0
        self.ids: list[str] = []
        self.label_for: set[str] = set()
        self.fields: list[dict[str, str | None]] = []
        self.problems: list[str] = []
        self.references: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if value == "None":
                self.problems.append(f'{name}="None" on <{tag}>')
            if name in ("aria-describedby", "aria-labelledby", "aria-controls") and value:
                self.references.update(value.split())
            if name.startswith("on"):
                self.problems.append(f"inline event handler {name} on <{tag}>")
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>")
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "h1":
            self.h1 += 1
        elif tag == "style":
            self.problems.append("inline <style>")
        elif tag == "script" and not attributes.get("src"):
            self.problems.append("inline <script>")
        elif tag == "label" and attributes.get("for"):
            self.label_for.add(attributes["for"])
        elif tag in ("input", "select", "textarea"):
            kind = attributes.get("type", "text") if tag == "input" else tag
            if kind not in UNLABELLED_INPUTS:
                self.fields.append({**attributes, "type": kind})


def check_page(html: str) -> dict[str, dict[str, str | None]]:
    """Assert the page's markup rules and return its visible fields by name."""
    page = _Collector()
    page.feed(html)
    assert page.problems == []
    assert page.h1 == 1, f"{page.h1} h1 elements"
    duplicates = {i for i in page.ids if page.ids.count(i) > 1}
    assert not duplicates, f"duplicate ids {duplicates}"
    missing = page.references - set(page.ids)
    assert not missing, f"ARIA references to missing ids {missing}"
    for field in page.fields:
        assert field.get("id") in page.label_for or field.get("aria-label"), f"no label: {field}"
    return {field["name"]: field for field in page.fields if field.get("name")}
