/* Loads quizzes.js once a quiz (or the progress table) comes near the screen, or when the
 * keyboard reaches it, so a page's first view does not pay for a quiz at its end; common.js
 * (which fills in the quizzes' messages) comes first, unless the page has it already, then
 * quiz-words.js (the widget's words, written by the build).
 * quizzes.js then starts every quiz itself, after instant navigation too.
 *
 * A quiz's questions arrive in a <noscript>, which a browser running scripts keeps as text:
 * they cost no elements, style or layout until unfold() turns them into elements, just
 * before quizzes.js loads, when the address points into a quiz, or when the page is printed.
 */
(function () {
  "use strict";
  if (window.mvsQuizLoader) return;

  var SRC = new URL("quizzes.js", document.currentScript.src).href;
  var COMMON = new URL("common.js", document.currentScript.src).href;
  var WORDS = new URL("quiz-words.js", document.currentScript.src).href;
  var SELECTOR = ".mvs-quiz, [data-quiz-progress]";
  var requested = false;
  var observer = null;

  function unfold() {
    document.querySelectorAll("noscript[data-quiz-body]").forEach(function (holder) {
      var body = document.createElement("div");
      body.className = "mvs-quiz__body";
      // Parsed as text on a full page load; as elements when instant navigation swapped the page in.
      if (holder.children.length) {
        while (holder.firstChild) body.appendChild(holder.firstChild);
      } else {
        body.innerHTML = holder.textContent;
      }
      holder.parentNode.replaceChild(body, holder);
    });
  }

  window.mvsQuizLoader = { unfold: unfold };

  function showTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    unfold();
    var target = document.getElementById(id);
    if (target) {
      load();
      target.scrollIntoView();
    }
  }

  function load() {
    unfold();
    // Until quizzes.js starts them, the quizzes take its layout: nothing the keyboard reaches meanwhile (a
    // no-JS "Answer", an option about to be shuffled) vanishes from under it when the script arrives.
    document.querySelectorAll(".mvs-quiz:not(.mvs-quiz--ready)").forEach(function (quiz) {
      quiz.classList.add("mvs-quiz--loading");
    });
    if (requested || window.mvsQuiz) return;
    requested = true;
    if (observer) observer.disconnect();
    document.removeEventListener("focusin", onFocus);
    // async = false: added scripts run in the order they were added, common.js first.
    (window.mvsCommon ? [WORDS, SRC] : [COMMON, WORDS, SRC]).forEach(function (src) {
      var script = document.createElement("script");
      script.async = false;
      script.src = src;
      script.onerror = withoutScript;
      document.head.appendChild(script);
    });
  }

  // A script that cannot be had (the connection dropped): the quizzes go back to the way they work without
  // JavaScript, each answer in its "Answer", rather than wait for it with their options hidden.
  function withoutScript() {
    document.querySelectorAll(".mvs-quiz:not(.mvs-quiz--ready)").forEach(function (quiz) {
      quiz.classList.remove("mvs-quiz--loading", "mvs-quiz--at-once");
    });
  }

  function onFocus(event) {
    if (event.target.closest && event.target.closest(SELECTOR)) load();
  }

  function watch() {
    showTarget();
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

  window.addEventListener("beforeprint", unfold);
  if (window.matchMedia) {
    var printing = window.matchMedia("print");
    var onPrint = function (event) { if (event.matches) unfold(); };
    if (printing.addEventListener) printing.addEventListener("change", onPrint);
    else if (printing.addListener) printing.addListener(onPrint);
  }
  window.addEventListener("hashchange", showTarget);

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", subscribe);
  else subscribe();
})();
