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

  /* ---- The answers, kept with this attempt ----
   * SCORM 1.2 holds at most 4096 characters of suspend_data, and quizzes.js's store for every quiz runs to
   * about 8000, so it is packed: "quiz:fingerprint:0=1,2=t,3=02,5=msb|..." (a question by its place in the
   * quiz; options and places as digits, as a question has at most eight; true and false as t and f; sides as
   * m, s and b). Unpacking scores each answer again with the quiz's own scoring. */

  // A side of a sorting question as one letter, here and in cmi.interactions.
  var SIDES = { marketing: "m", sales: "s", both: "b" };
  var SIDES_BACK = {};
  Object.keys(SIDES).forEach(function (side) { SIDES_BACK[SIDES[side]] = side; });

  function pack(kind, response) {
    if (kind === "true_false") return response ? "t" : "f";
    if (kind === "classify") return response.map(function (side) { return SIDES[side]; }).join("");
    return [].concat(response).join("");
  }

  function unpack(kind, text) {
    if (kind === "true_false") return text === "t";
    if (kind === "single") return Number(text);
    if (kind === "classify") return text.split("").map(function (c) { return SIDES_BACK[c]; });
    return text.split("").map(Number);
  }

  function fieldsets(quizId) {
    var root = document.getElementById("quiz-" + quizId);
    return root ? Array.prototype.slice.call(root.querySelectorAll("fieldset.mvs-q")) : [];
  }

  function packStore(json) {
    var store = JSON.parse(json);
    return Object.keys(store.quizzes).map(function (quizId) {
      var entry = store.quizzes[quizId];
      var answers = [];
      fieldsets(quizId).forEach(function (fieldset, i) {
        var answer = entry.answers[fieldset.getAttribute("data-question")];
        if (answer) answers.push(i + "=" + pack(fieldset.getAttribute("data-kind"), answer.response));
      });
      return [quizId, entry.fingerprint, answers.join(",")].join(":");
    }).join("|");
  }

  function unpackStore(text) {
    var store = { version: 1, quizzes: {} };
    text.split("|").forEach(function (part) {
      var fields = part.split(":");
      var quizId = fields[0];
      var questions = fieldsets(quizId);
      var answers = {};
      (fields[2] || "").split(",").filter(Boolean).forEach(function (pair) {
        var at = pair.split("=");
        var fieldset = questions[Number(at[0])];
        if (!fieldset) return;
        var kind = fieldset.getAttribute("data-kind");
        var response = unpack(kind, at[1]);
        try {
          var result = window.mvsQuiz.score(kind, JSON.parse(fieldset.getAttribute("data-answer")), response);
          answers[fieldset.getAttribute("data-question")] = { response: response, score: result.score };
        } catch (e) {
          /* not an answer to this question (the quiz changed): left out */
        }
      });
      store.quizzes[quizId] = { fingerprint: fields[1], updated: Date.now(), answers: answers };
    });
    return JSON.stringify(store);
  }

  window.mvsQuizStorage = {
    getItem: function () {
      var text = String(api.LMSGetValue("cmi.suspend_data") || "");
      return text ? unpackStore(text) : null;
    },
    setItem: function (key, value) {
      var packed = packStore(value);
      if (packed.length <= 4096) set("cmi.suspend_data", packed);
    }
  };

  if (api.LMSGetValue("cmi.core.lesson_status") === "not attempted") set("cmi.core.lesson_status", "incomplete");

  /* ---- Answers in SCORM 1.2's notation: options a, b, c...; sides m, s, b; true and false t, f ---- */

  var LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  var TYPES = { single: "choice", multiple: "choice", true_false: "true-false", classify: "matching", order: "sequencing" };

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
