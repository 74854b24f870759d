// Similar proposals as the author types the title (and summary), from findSimilarProposals.
// Without this script the same list comes with the preview. Built with text nodes only:
// nothing a proposal says is read as HTML.
(function () {
  var section = document.getElementById("similar-proposals");
  var title = document.getElementById("title");
  var summary = document.getElementById("summary");
  if (!section || !title || !window.fetch) return;
  var texts = JSON.parse(section.getAttribute("data-texts"));
  var list = section.querySelector(".similar-list");
  var status = document.getElementById("similar-status");
  var own = section.getAttribute("data-excluding");
  var timer = null;
  var asked = "";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function counted(count) {
    return texts.supports[count === 1 ? 0 : 1].replace("%(num)s", String(count));
  }

  function item(found) {
    var li = element("li", "similar-proposal");
    var link = element("a", "", found.title);
    link.href = found.url;
    link.target = "_blank";
    link.rel = "noopener";
    link.appendChild(element("span", "sr-only", " " + texts.new_window));
    li.appendChild(link);
    li.appendChild(document.createTextNode(" "));
    var meta = element("span", "similar-meta");
    var tone = texts.tones[found.status];
    meta.appendChild(element("span", "badge" + (tone ? " badge-" + tone : ""), texts.statuses[found.status] || found.status));
    var words = "";
    if (found.answer) {
      var outcome = found.answer.preliminary ? texts.preliminary : texts.outcomes[found.answer.outcome];
      words += " " + texts.answer.replace("%(outcome)s", outcome);
    }
    meta.appendChild(document.createTextNode(words + " · " + counted(found.support_count)));
    li.appendChild(meta);
    return li;
  }

  function show(items) {
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (found) { list.appendChild(item(found)); });
    section.hidden = items.length === 0;
    if (status) status.textContent = items.length ? texts.found : "";
  }

  function ask() {
    var wanted = title.value.trim();
    if (wanted.length < 3) { show([]); asked = ""; return; }
    var query = "title=" + encodeURIComponent(wanted);
    if (summary && summary.value.trim()) query += "&summary=" + encodeURIComponent(summary.value.trim());
    if (query === asked) return;
    asked = query;
    fetch(section.getAttribute("data-similar-url") + "?" + query, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (body) {
        if (query !== asked) return;
        show(body.items.filter(function (found) { return String(found.id) !== own; }));
      })
      .catch(function () { /* The preview still shows the list. */ });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(ask, 400);
  }

  title.addEventListener("input", later);
  if (summary) summary.addEventListener("input", later);
})();
