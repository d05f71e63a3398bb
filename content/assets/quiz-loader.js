/* Loads quizzes.js once a quiz (or the progress table) comes near the screen, or when the
 * keyboard reaches it, so a page's first view does not pay for a quiz at its end; common.js
 * (which fills in the quizzes' messages) comes first, unless the page has it already.
 * quizzes.js then starts every quiz itself, after instant navigation too.
 */
(function () {
  "use strict";
  if (window.mvsQuizLoader) return;
  window.mvsQuizLoader = true;

  var SRC = new URL("quizzes.js", document.currentScript.src).href;
  var COMMON = new URL("common.js", document.currentScript.src).href;
  var SELECTOR = ".mvs-quiz, [data-quiz-progress]";
  var requested = false;
  var observer = null;

  function load() {
    if (requested || window.mvsQuiz) return;
    requested = true;
    if (observer) observer.disconnect();
    document.removeEventListener("focusin", onFocus);
    // async = false: added scripts run in the order they were added, common.js first.
    (window.mvsCommon ? [SRC] : [COMMON, SRC]).forEach(function (src) {
      var script = document.createElement("script");
      script.async = false;
      script.src = src;
      document.head.appendChild(script);
    });
  }

  function onFocus(event) {
    if (event.target.closest && event.target.closest(SELECTOR)) load();
  }

  function watch() {
    var widgets = document.querySelectorAll(SELECTOR);
    if (!widgets.length || requested) return;
    if (!("IntersectionObserver" in window)) return load();
    if (observer) observer.disconnect();
    observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) load();
    }, { rootMargin: "600px 0px" });
    widgets.forEach(function (el) { observer.observe(el); });
    document.addEventListener("focusin", onFocus);
  }

  // watch() may run twice for one page (here and from document$); it starts afresh each time.
  function subscribe() {
    watch();
    if (window.document$) window.document$.subscribe(watch);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", subscribe);
  else subscribe();
})();
