// The search index is fetched when a reader first reaches for search, not on every page load.
// Material's bundle requests search/search_index.json (XMLHttpRequest) as it starts; on this site
// the index is most of a page's weight and most readers never search. The request is opened as
// Material asks, and only sent once the reader focuses the search box, opens search (toggle, or the
// f, s and / keys), points at it, or arrives with a query (?q=, ?h=) that needs it at once.
(function () {
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send, held = [], wanted = false;
  function isIndex(url) { return /(^|\/)search\/search_index\.json$/.test(String(url).split(/[?#]/)[0]); }
  XMLHttpRequest.prototype.open = function (method, url) {
    this.nqpfIndex = isIndex(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.nqpfIndex && !wanted) { held.push([this, arguments]); return; }
    return send.apply(this, arguments);
  };
  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (h) { send.apply(h[0], h[1]); });
  }
  if (/[?&](q|h)=/.test(location.search)) want();
  function inSearch(event) { return event.target instanceof Element && event.target.closest(".md-search, label[for='__search']"); }
  document.addEventListener("focusin", function (event) { if (inSearch(event)) want(); });
  document.addEventListener("pointerover", function (event) { if (inSearch(event)) want(); });
  document.addEventListener("pointerdown", function (event) { if (inSearch(event)) want(); });
  document.addEventListener("change", function (event) { if (event.target && event.target.id === "__search") want(); });
  document.addEventListener("keydown", function (event) {
    if (!event.ctrlKey && !event.metaKey && !event.altKey && ["f", "s", "/"].indexOf(event.key) >= 0) want();
  });
})();
