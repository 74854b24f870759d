"""What a page must look like in Chromium, as a list of what is wrong with it."""

# The footer starts below the main content; a card is as tall as what it holds; nothing
# scrolls sideways, tables neither: on a phone their rows stack.
LAYOUT_PROBLEMS = """() => {
  const problems = [];
  const main = document.querySelector("main"), footer = document.querySelector("footer");
  const footerTop = footer.getBoundingClientRect().top;
  // What is drawn: the innermost elements (a box may reach past what it draws, by margins).
  for (const element of main.querySelectorAll("*")) {
    if (element.children.length || !element.getClientRects().length) continue;
    const bottom = element.getBoundingClientRect().bottom;
    if (bottom > footerTop + 1) problems.push(`the footer is drawn over ${element.tagName}`);
  }
  for (const card of document.querySelectorAll(".card")) {
    const height = card.getBoundingClientRect().height;
    const held = [...card.children].reduce((sum, e) => sum + e.getBoundingClientRect().height, 0);
    if (height > held + 64) problems.push(`a card ${height} px tall holds ${held} px`);
  }
  for (const frame of document.querySelectorAll(".table--responsive-scroll")) {
    if (frame.scrollWidth > frame.clientWidth + 1) problems.push("a table is cut off at the side");
  }
  for (const button of document.querySelectorAll(".form-group + .button, .form-group + button")) {
    const field = button.previousElementSibling.getBoundingClientRect();
    const { top, left } = button.getBoundingClientRect();
    // A button beside its fields (a row of filters) stands clear of them already.
    if (left < field.right && top - field.bottom < 16) {
      problems.push(`a button ${top - field.bottom} px under the field above it`);
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  }
  return problems;
}"""


def layout_problems(page, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    assert page.goto(path).status == 200
    return page.evaluate(LAYOUT_PROBLEMS)
