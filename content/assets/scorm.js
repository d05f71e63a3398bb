/* SCORM 1.2: a quiz packaged for a learning platform reports to the platform's gradebook.
 *
 * Loaded by a package's launch page before quizzes.js. It looks for the platform's API in the
 * frames around the page (or the window that opened it), starts the attempt, keeps the answers with
 * the attempt (cmi.suspend_data) rather than in this browser, and after every checked answer sends
 * the score in percent, the status and the answer (cmi.interactions), then commits. Leaving the page
 * finishes the attempt. With no platform around, the quiz works as on the site and says no score is
 * recorded. The page's <body> holds the pass mark (data-pass-mark) and the messages (data-scorm-words).
 */
(function () {
  "use strict";

  var body = document.body;
  var words = JSON.parse(body.getAttribute("data-scorm-words"));
  var statusLine = document.querySelector("[data-scorm-status]");

  // Light or dark as the reader's system asks, as on the site.
  if (window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches) {
    body.setAttribute("data-md-color-scheme", "slate");
  }

  /* The SCORM 1.2 way to find the API: up through the parent frames, then from the opener. */
  function findIn(win) {
    for (var hops = 0; win && hops < 500; hops += 1) {
      try {
        if (win.API) return win.API;
      } catch (e) {
        return null; // a frame of another origin: no API can be reached through it
      }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  var api = findIn(window) || (window.opener ? findIn(window.opener) : null);
  if (!api || String(api.LMSInitialize("")) !== "true") {
    statusLine.textContent = words.alone;
    return;
  }
  statusLine.textContent = words.connected;

  var started = Date.now();
  var finished = false;
  var mastery = parseFloat(api.LMSGetValue("cmi.student_data.mastery_score"));
  if (!(mastery > 0)) mastery = parseFloat(body.getAttribute("data-pass-mark"));
  if (!(mastery > 0)) mastery = null;

  function set(element, value) {
    api.LMSSetValue(element, String(value));
  }

  // The quiz keeps its answers with this attempt (at most 4096 characters in SCORM 1.2).
  window.mvsQuizStorage = {
    getItem: function () {
      return String(api.LMSGetValue("cmi.suspend_data") || "") || null;
    },
    setItem: function (key, value) {
      if (value.length <= 4096) set("cmi.suspend_data", value);
    }
  };

  if (api.LMSGetValue("cmi.core.lesson_status") === "not attempted") set("cmi.core.lesson_status", "incomplete");

  /* ---- Answers in SCORM 1.2's notation: options a, b, c...; sides m, s, b; true and false t, f ---- */

  var LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  var TYPES = { single: "choice", multiple: "choice", true_false: "true-false", classify: "matching", order: "sequencing" };
  var SIDES = { marketing: "m", sales: "s", both: "b" };

  function letters(indexes) {
    return indexes.map(function (i) { return LETTERS.charAt(i); }).join(",");
  }

  function notation(kind, value) {
    if (kind === "single") return LETTERS.charAt(value);
    if (kind === "true_false") return value ? "t" : "f";
    if (kind === "classify") {
      return value.map(function (side, i) { return LETTERS.charAt(i) + "." + SIDES[side]; }).join(",");
    }
    return letters(value);
  }

  function rightAnswer(kind, answer) {
    if (kind === "multiple") return answer.right;
    if (kind === "order") return Array.apply(null, Array(answer)).map(function (_, i) { return i; });
    return answer;
  }

  function clock(date) {
    return [date.getHours(), date.getMinutes(), date.getSeconds()].map(function (n) {
      return (n < 10 ? "0" : "") + n;
    }).join(":");
  }

  function timespan(ms) {
    var seconds = Math.floor(ms / 1000);
    var hours = Math.min(9999, Math.floor(seconds / 3600));
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return (hours < 10 ? "000" : hours < 100 ? "00" : hours < 1000 ? "0" : "") + hours + ":" +
      pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60);
  }

  function record(question) {
    var n = parseInt(api.LMSGetValue("cmi.interactions._count"), 10) || 0;
    var prefix = "cmi.interactions." + n + ".";
    var score = question.result.score;
    set(prefix + "id", question.quiz.id + "-" + question.id);
    set(prefix + "type", TYPES[question.kind]);
    set(prefix + "time", clock(new Date()));
    set(prefix + "weighting", 1);
    set(prefix + "student_response", notation(question.kind, question.result.response));
    set(prefix + "correct_responses.0.pattern", notation(question.kind, rightAnswer(question.kind, question.answer)));
    // Right, wrong, or the share of the mark a partly right answer earns.
    set(prefix + "result", score === 1 ? "correct" : score === 0 ? "wrong" : score.toFixed(2));
  }

  function questions() {
    var all = [];
    document.querySelectorAll(".mvs-quiz").forEach(function (root) {
      if (root._mvsQuiz) all = all.concat(root._mvsQuiz.questions);
    });
    return all;
  }

  function status(answered, total, raw) {
    if (answered < total) return "incomplete";
    if (mastery === null) return "completed";
    return raw >= mastery ? "passed" : "failed";
  }

  function report(event) {
    if (finished) return;
    var all = questions();
    var answered = all.filter(function (q) { return q.result; });
    var sum = answered.reduce(function (acc, q) { return acc + q.result.score; }, 0);
    var raw = all.length ? Math.round((100 * sum) / all.length) : 0;
    if (event.detail && event.detail.question) record(event.detail.question);
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
    set("cmi.core.score.raw", raw);
    set("cmi.core.lesson_status", status(answered.length, all.length, raw));
    api.LMSCommit("");
  }

  function finish() {
    if (finished) return;
    finished = true;
    var done = api.LMSGetValue("cmi.core.lesson_status");
    set("cmi.core.exit", done === "incomplete" ? "suspend" : "");
    set("cmi.core.session_time", timespan(Date.now() - started));
    api.LMSCommit("");
    api.LMSFinish("");
  }

  document.addEventListener("mvs:quiz-change", report);
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  window.mvsScorm = { finish: finish };
})();
