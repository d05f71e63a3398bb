/* Fetch the search index only when a reader starts to search.
 *
 * Material requests search/search_index.json (the whole site's text) as every page
 * loads. Holding that one request back until the search box is used keeps a first
 * visit light; the theme's search then starts as usual, a moment later.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var wanted = false;
  var held = [];

  XMLHttpRequest.prototype.open = function (method, url) {
    this.mvsUrl = String(url);
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    var path = this.mvsUrl ? new URL(this.mvsUrl, window.location.href).pathname : "";
    if (!wanted && INDEX.test(path)) {
      var xhr = this;
      var args = arguments;
      held.push(function () { send.apply(xhr, args); });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (go) { go(); });
  }

  function inSearch(target) {
    return target instanceof Element && !!target.closest(".md-search, label[for='__search']");
  }

  document.addEventListener("focusin", function (event) { if (inSearch(event.target)) want(); });
  document.addEventListener("pointerdown", function (event) { if (inSearch(event.target)) want(); });
  document.addEventListener("change", function (event) {
    if (event.target instanceof Element && event.target.id === "__search") want();
  });
})();
