// Start Det Fælles Designsystem's components; kept out of the HTML for the CSP.
// Its character limits count down in Danish of their own: each limit is started here
// instead, with the words the page gives it in its own language.
var limits = Array.prototype.slice.call(document.getElementsByClassName("form-limit"));
limits.forEach(function (limit) {
  limit.classList.remove("form-limit");
});
DKFDS.init();
limits.forEach(function (limit) {
  limit.classList.add("form-limit");
  var texts = limit.getAttribute("data-limit-texts");
  new DKFDS.CharacterLimit(limit, texts ? JSON.parse(texts) : undefined).init();
});
