/* Start search only when a reader starts to search.
 *
 * As every page loads, Material starts its search worker (a script of its own) and the
 * worker requests search/search_index.json (the whole site's text). Holding both back
 * until the search box is used keeps a first visit light; the theme's search then
 * starts as usual, a moment later.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/workers\/search\.[^/]*\.js$/;
  var RealWorker = window.Worker;
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

  /* A stand-in for the search worker: it keeps the theme's listeners and messages and
   * hands them to the real worker once the reader wants search. */
  function HeldWorker(url, options) {
    var real = null;
    var listeners = [];
    var messages = [];
    this.addEventListener = function (type, fn, opts) {
      if (real) real.addEventListener(type, fn, opts); else listeners.push([type, fn, opts]);
    };
    this.removeEventListener = function (type, fn, opts) {
      if (real) real.removeEventListener(type, fn, opts);
      else listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
    };
    this.postMessage = function (message, transfer) {
      if (real) real.postMessage(message, transfer); else messages.push([message, transfer]);
    };
    this.terminate = function () {
      if (real) real.terminate();
      listeners = [];
      messages = [];
    };
    held.push(function () {
      real = new RealWorker(url, options);
      listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
      messages.forEach(function (m) { real.postMessage(m[0], m[1]); });
    });
  }

  if (RealWorker) {
    window.Worker = function (url, options) {
      var path = new URL(String(url), window.location.href).pathname;
      if (!wanted && WORKER.test(path)) return new HeldWorker(url, options);
      return new RealWorker(url, options);
    };
    window.Worker.prototype = RealWorker.prototype;
  }

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
