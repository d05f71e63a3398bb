/* The slides for a projector (present/<page>/, made by macros/render/present.py).
 *
 * One slide shows at a time. Next: →, ↓, Space, Page Down (what clickers send), a click or a swipe to the left;
 * back: ←, ↑, Page Up, Shift+Space or a swipe to the right; Home and End; Esc leaves for the page. The slide's
 * number is the address's #, so a reload or a shared link opens the same slide. N (or the button) opens the
 * speaker notes: the same page with ?notes, in a second window that follows the slides (postMessage to and
 * from its opener, and a BroadcastChannel for a notes window opened by hand); its keys move the slides too.
 * R (or the button) reveals a quiz question's answer; the tally keeps the hands counted for each option.
 * The palette follows the site's choice (Material's saved palette), else the system's.
 * Every word comes from the page (data/interface.yml, through data- attributes).
 */
(function () {
  "use strict";

  var root = document.documentElement;

  /* ---- Palette: the one the reader chose on the site, else the system's; set before the first paint. ---- */

  function savedScheme() {
    try {
      var scope = new URL(root.getAttribute("data-root") || "../../", location.href);
      var saved = JSON.parse(localStorage.getItem(scope.pathname + ".__palette"));
      return saved && saved.color && saved.color.scheme;
    } catch (err) {
      return null;
    }
  }

  var systemDark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function applyScheme() {
    var scheme = savedScheme() || (systemDark && systemDark.matches ? "slate" : "default");
    root.setAttribute("data-md-color-scheme", scheme);
  }

  applyScheme();
  if (systemDark && systemDark.addEventListener) systemDark.addEventListener("change", applyScheme);
  root.classList.add("pr-js");

  var notesMode = /(^|[?&])notes(=|&|$)/.test(location.search.slice(1));
  if (notesMode) root.classList.add("pr-notes-mode");

  function start() {
    var body = document.body;
    var words = JSON.parse(body.getAttribute("data-words") || "{}");
    var format = window.mvsCommon.format;
    var slides = Array.prototype.slice.call(document.querySelectorAll("[data-slide]"));
    var deck = document.querySelector("[data-deck]");
    var counter = document.querySelector("[data-counter]");
    var status = document.querySelector("[data-status]");
    var back = document.querySelector("[data-back]");
    var current = -1;
    var notesWindow = null;
    var channel = null;
    var key = "mvs-present:" + location.pathname;
    try {
      channel = new BroadcastChannel(key);
    } catch (err) {
      channel = null;
    }

    function heading(i) {
      var h = slides[i].querySelector(".pr-heading");
      return h ? h.textContent.trim() : "";
    }

    function fromHash() {
      var n = parseInt(location.hash.replace(/^#/, ""), 10);
      return isNaN(n) ? 0 : n - 1;
    }

    /* ---- Messages between the slides and the notes ---- */

    function send(message) {
      message.mvsPresent = key;
      var target = notesMode ? window.opener : notesWindow;
      if (target && !target.closed) {
        try {
          target.postMessage(message, "*");
        } catch (err) { /* the other window is gone */ }
      }
      if (channel) channel.postMessage(message);
    }

    function receive(message) {
      if (!message || message.mvsPresent !== key) return;
      if (message.type === "hello" && !notesMode) send({type: "slide", slide: current});
      else if (message.type === "slide" && notesMode) go(message.slide, true);
      else if (message.type === "go" && !notesMode) go(message.slide);
    }

    window.addEventListener("message", function (event) {
      receive(event.data);
    });
    if (channel) channel.onmessage = function (event) { receive(event.data); };

    /* ---- Moving between slides ---- */

    function go(i, quiet) {
      i = Math.max(0, Math.min(slides.length - 1, i));
      if (i === current) return;
      if (notesMode && !quiet) {
        send({type: "go", slide: i});
      }
      if (current >= 0) slides[current].classList.remove("is-current");
      current = i;
      slides[i].classList.add("is-current");
      var hash = "#" + (i + 1);
      if (location.hash !== hash) history.replaceState(null, "", hash);
      counter.textContent = format(words.counter, {number: i + 1, count: slides.length});
      if (notesMode) {
        showNotes();
      } else {
        status.textContent = format(words.status, {number: i + 1, count: slides.length, title: heading(i)});
        fit();
        send({type: "slide", slide: i});
      }
    }

    function step(by) {
      go(current + by);
    }

    function showNotes() {
      var notes = slides[current].querySelector(".pr-notes");
      document.querySelector("[data-notes-status]").textContent =
        format(words.status, {number: current + 1, count: slides.length, title: heading(current)});
      var target = document.querySelector("[data-notes-body]");
      if (notes) {
        target.innerHTML = notes.innerHTML;
      } else {
        target.textContent = words.no_notes;
      }
      document.querySelector("[data-notes-next]").textContent = current + 1 < slides.length
        ? format(words.next_up, {title: heading(current + 1)}) : words.last_slide;
    }

    function openNotes() {
      var url = location.href.split("#")[0].split("?")[0] + "?notes#" + (current + 1);
      notesWindow = window.open(url, "mvs-notes", "popup,width=960,height=720");
    }

    function leave() {
      if (back) location.href = back.href;
    }

    /* ---- A chart fills its slide: the static SVG, zoomed to the room left under the heading. ---- */

    function fit() {
      var chart = slides[current] && slides[current].querySelector(".pr-chart");
      if (!chart) return;
      var svg = chart.querySelector("svg");
      var height = parseFloat(chart.getAttribute("data-chart-height"));
      svg.style.zoom = "";
      var zoom = Math.max(1, Math.min(chart.clientHeight / height, chart.clientWidth / 480));
      svg.style.zoom = String(zoom);
    }

    window.addEventListener("resize", fit);

    /* ---- Quiz questions: reveal, and the hands counted for each option ---- */

    /* A question has three states, in turn on R or its button: asked; revealed (the answer on the options);
       explained (the right options and the explanation, in place of the others). */
    var STATES = ["", "is-revealed", "is-explained"];
    var LABELS = ["reveal", "explain", "hide"];

    function reveal(slide, state) {
      var button = slide.querySelector("[data-reveal]");
      if (!button) return;
      var now = STATES.indexOf(slide.getAttribute("data-state") || "");
      state = state === undefined ? (now + 1) % STATES.length : state;
      slide.setAttribute("data-state", STATES[state]);
      slide.classList.toggle("is-revealed", state > 0);
      slide.classList.toggle("is-explained", state === 2);
      button.setAttribute("aria-expanded", String(state === 2));
      button.textContent = words[LABELS[state]];
      slide.querySelector("[data-explanation]").hidden = state !== 2;
    }

    function tallyKey(slide) {
      return "mvs-present-tally:" + location.pathname + ":" + slide.getAttribute("data-slide");
    }

    function counts(slide) {
      return Array.prototype.map.call(slide.querySelectorAll(".pr-tally__count"), function (input) {
        return parseInt(input.value, 10) || 0;
      });
    }

    function drawTally(slide, save) {
      var values = counts(slide);
      var total = values.reduce(function (a, b) { return a + b; }, 0);
      Array.prototype.forEach.call(slide.querySelectorAll(".pr-tally__bar"), function (bar, i) {
        bar.style.width = total ? (100 * values[i] / total) + "%" : "0";
      });
      if (save) {
        try {
          sessionStorage.setItem(tallyKey(slide), JSON.stringify(values));
        } catch (err) { /* storage off: the tally still works */ }
      }
    }

    slides.forEach(function (slide) {
      if (!slide.hasAttribute("data-tally-slide")) return;
      var saved = null;
      try {
        saved = JSON.parse(sessionStorage.getItem(tallyKey(slide)));
      } catch (err) { saved = null; }
      var inputs = slide.querySelectorAll(".pr-tally__count");
      if (Array.isArray(saved)) {
        Array.prototype.forEach.call(inputs, function (input, i) { input.value = String(saved[i] || 0); });
      }
      drawTally(slide, false);
      slide.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        if (!button) return;
        if (button.hasAttribute("data-step")) {
          var input = button.parentNode.querySelector(".pr-tally__count");
          input.value = String(Math.max(0, (parseInt(input.value, 10) || 0) + Number(button.getAttribute("data-step"))));
        } else if (button.hasAttribute("data-clear")) {
          Array.prototype.forEach.call(inputs, function (input) { input.value = "0"; });
        } else {
          return;
        }
        drawTally(slide, true);
      });
      slide.addEventListener("input", function (event) {
        if (!event.target.classList.contains("pr-tally__count")) return;
        var digits = event.target.value.replace(/[^0-9]/g, "").slice(0, 4);
        if (digits !== event.target.value) event.target.value = digits;
        drawTally(slide, true);
      });
    });

    Array.prototype.forEach.call(document.querySelectorAll("[data-reveal]"), function (button) {
      button.addEventListener("click", function () { reveal(button.closest("[data-slide]")); });
    });

    /* ---- Keys, clicks, swipes ---- */

    var NEXT = ["ArrowRight", "ArrowDown", "PageDown"];
    var PREVIOUS = ["ArrowLeft", "ArrowUp", "PageUp"];

    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      var target = event.target;
      var typing = target.matches && target.matches("input, textarea, select");
      if (typing) {
        if (event.key === "Escape" || event.key === "Enter") target.blur();
        return;
      }
      var onControl = target.matches && target.matches("button, a[href], summary");
      var k = event.key;
      if (NEXT.indexOf(k) >= 0 || (k === " " && !event.shiftKey && !onControl)) step(1);
      else if (PREVIOUS.indexOf(k) >= 0 || (k === " " && event.shiftKey && !onControl)) step(-1);
      else if (k === "Home") go(0);
      else if (k === "End") go(slides.length - 1);
      else if ((k === "n" || k === "N") && !notesMode) openNotes();
      else if ((k === "r" || k === "R") && !notesMode) reveal(slides[current]);
      else if (k === "Escape" && !notesMode) leave();
      else return;
      event.preventDefault();
    });

    var swiped = false;
    var touch = null;
    deck.addEventListener("touchstart", function (event) {
      touch = event.touches.length === 1 ? {x: event.touches[0].clientX, y: event.touches[0].clientY} : null;
    }, {passive: true});
    deck.addEventListener("touchend", function (event) {
      if (!touch) return;
      var dx = event.changedTouches[0].clientX - touch.x;
      var dy = event.changedTouches[0].clientY - touch.y;
      touch = null;
      if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy)) {
        swiped = true;
        step(dx < 0 ? 1 : -1);
      }
    });
    deck.addEventListener("click", function (event) {
      if (swiped) {
        swiped = false;
        return;
      }
      if (event.button !== 0 || event.target.closest("a, button, input, label, select, summary, [data-tally]")) return;
      if (String(window.getSelection ? window.getSelection() : "")) return;
      step(1);
    });

    Array.prototype.forEach.call(document.querySelectorAll("[data-go]"), function (button) {
      button.addEventListener("click", function () { step(Number(button.getAttribute("data-go"))); });
    });
    document.querySelector("[data-open-notes]").addEventListener("click", openNotes);
    window.addEventListener("hashchange", function () { go(fromHash()); });

    if (notesMode) {
      document.title = body.getAttribute("data-notes-title");
      document.querySelector("[data-notes-view]").hidden = false;
    }
    go(fromHash(), true);
    if (notesMode) send({type: "hello"});
    body.setAttribute("data-ready", "");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
