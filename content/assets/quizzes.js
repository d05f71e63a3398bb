/* Quizzes: scoring, the question widget and the "Your progress" page.
 *
 * The page holds everything at build time: each question's answer in data-answer, the
 * feedback for every option in its <details class="mvs-q__answer">. The widget's own words
 * (data/interface.yml) come in quiz-words.js, which the build writes, as window.mvsQuizWords;
 * the progress table's in its data-words. Without JavaScript that <details> is the way to check an
 * answer; with it, this script hides it and gives feedback on "Check answer". Progress lives in
 * localStorage under one key; anything stored there that does not look right is dropped without
 * a word. quiz-loader.js loads common.js (format) and quiz-words.js before this script.
 *
 * The scoring functions also load in Node (module.exports) for the unit tests.
 */
(function () {
  "use strict";

  /* ---- Scoring: each returns {score (0..1), ...details} ---- */

  function isIndex(value, count) {
    return typeof value === "number" && value % 1 === 0 && value >= 0 && value < count;
  }

  function single(answer, response) {
    return { score: response === answer ? 1 : 0 };
  }

  // Share of right options chosen minus share of wrong options chosen, never below zero.
  function multiple(answer, response) {
    var right = answer.right;
    var wrongCount = answer.count - right.length;
    var hits = 0;
    var falseAlarms = 0;
    response.forEach(function (index) {
      if (right.indexOf(index) >= 0) hits += 1;
      else falseAlarms += 1;
    });
    var score = Math.max(0, hits / right.length - (wrongCount ? falseAlarms / wrongCount : 0));
    return { score: score, hits: hits, falseAlarms: falseAlarms, missed: right.length - hits, right: right.length };
  }

  // Share of items put in the right category.
  function classify(answer, response) {
    var correct = 0;
    answer.forEach(function (category, i) {
      if (response[i] === category) correct += 1;
    });
    return { score: correct / answer.length, correct: correct, total: answer.length };
  }

  // Share of neighboring pairs in the right order: one item out of place costs little.
  function order(count, response) {
    var pairs = 0;
    for (var i = 0; i + 1 < response.length; i += 1) {
      if (response[i + 1] === response[i] + 1) pairs += 1;
    }
    return { score: pairs / (count - 1), pairs: pairs, total: count - 1 };
  }

  var SCORERS = { single: single, true_false: single, multiple: multiple, classify: classify, order: order };

  /* Is `response` a complete, well-formed answer to a question of this kind? */
  function valid(kind, answer, response) {
    if (kind === "single") return isIndex(response, Infinity);
    if (kind === "true_false") return typeof response === "boolean";
    if (!Array.isArray(response)) return false;
    if (kind === "multiple") {
      return response.length > 0 && response.every(function (v, i) {
        return isIndex(v, answer.count) && response.indexOf(v) === i;
      });
    }
    if (kind === "classify") {
      return response.length === answer.length && response.every(function (v) {
        return v === "marketing" || v === "sales" || v === "both";
      });
    }
    if (kind === "order") {
      return response.length === answer && response.every(function (v, i) {
        return isIndex(v, answer) && response.indexOf(v) === i;
      });
    }
    return false;
  }

  function score(kind, answer, response) {
    if (!SCORERS[kind] || !valid(kind, answer, response)) throw new Error("not an answer to a " + kind + " question");
    return SCORERS[kind](answer, response);
  }

  var scoring = { score: score, valid: valid, kinds: Object.keys(SCORERS) };
  if (typeof module === "object" && module.exports) {
    module.exports = scoring;
    return;
  }
  // Instant navigation runs this script again on each visit to a quiz page: start once.
  if (window.mvsQuiz) return;
  window.mvsQuiz = scoring;

  /* ---- The widget and the progress page (browser only) ---- */

  var KEY = "mvs-quiz-progress";
  var VERSION = 1;

  // Where answers are kept: this browser, unless a page supplies another store with the same two
  // methods (scorm.js keeps them with the learning platform's attempt).
  function storage() {
    return window.mvsQuizStorage || window.localStorage;
  }

  // Tells scripts that report elsewhere (scorm.js) that a question was answered or cleared.
  function changed(root, question) {
    root.dispatchEvent(new CustomEvent("mvs:quiz-change", { bubbles: true, detail: { question: question || null } }));
  }

  /* A message from the widget's words with its placeholders filled in. */
  function say(message, values) {
    return window.mvsCommon.format(message, values || {});
  }

  /* ---- Storage ---- */

  function isRecord(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function cleanQuiz(entry) {
    if (!isRecord(entry) || typeof entry.fingerprint !== "string" || !isRecord(entry.answers)) return null;
    if (typeof entry.updated !== "number" || !isFinite(entry.updated)) return null;
    var answers = {};
    Object.keys(entry.answers).forEach(function (id) {
      var a = entry.answers[id];
      if (isRecord(a) && typeof a.score === "number" && a.score >= 0 && a.score <= 1 && "response" in a) {
        answers[id] = { response: a.response, score: a.score };
      }
    });
    return { fingerprint: entry.fingerprint, updated: entry.updated, answers: answers };
  }

  // Whatever is stored, this returns a well-formed store; anything else is discarded.
  function load() {
    var store = { version: VERSION, quizzes: {} };
    var raw;
    try {
      raw = storage().getItem(KEY);
    } catch (e) {
      return store;
    }
    if (!raw) return store;
    var parsed = null;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      parsed = null;
    }
    if (!isRecord(parsed) || parsed.version !== VERSION || !isRecord(parsed.quizzes)) {
      save(store);
      return store;
    }
    Object.keys(parsed.quizzes).forEach(function (id) {
      var entry = cleanQuiz(parsed.quizzes[id]);
      if (entry) store.quizzes[id] = entry;
    });
    return store;
  }

  function save(store) {
    try {
      storage().setItem(KEY, JSON.stringify(store));
    } catch (e) {
      /* Storage full or disabled: the quiz still works, it just does not remember. */
    }
  }

  // Stored answers for this version of the quiz, or none.
  function storedAnswers(store, quizId, fingerprint) {
    var entry = store.quizzes[quizId];
    return entry && entry.fingerprint === fingerprint ? entry.answers : {};
  }

  /* ---- Small DOM helpers ---- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i -= 1) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = list[i];
      list[i] = list[j];
      list[j] = t;
    }
    return list;
  }

  function points(value) {
    return String(Math.round(value * 100) / 100);
  }

  function percent(value) {
    return Math.round(value * 100) + "%";
  }

  /* ---- One question ---- */

  function Question(fieldset, quiz) {
    this.root = fieldset;
    this.quiz = quiz;
    this.id = fieldset.getAttribute("data-question");
    this.kind = fieldset.getAttribute("data-kind");
    this.answer = JSON.parse(fieldset.getAttribute("data-answer"));
    this.key = fieldset.querySelector(".mvs-q__answer");
    this.feedback = fieldset.querySelector(".mvs-q__feedback");
    this.checkButton = fieldset.querySelector(".mvs-q__check");
    this.retryButton = fieldset.querySelector(".mvs-q__retry");
    this.list = fieldset.querySelector(".mvs-q__options, .mvs-q__items, .mvs-q__order");
    this.result = null;
    var self = this;
    this.checkButton.addEventListener("click", function () {
      self.check();
    });
    this.retryButton.addEventListener("click", function () {
      self.reset(true);
      self.quiz.forget(self);
    });
    if (this.kind === "order") {
      this.list.addEventListener("click", function (event) {
        var button = event.target.closest("[data-move]");
        if (button) self.move(button.closest("li"), Number(button.getAttribute("data-move")), button);
      });
    }
    this.shuffle();
  }

  Question.prototype.items = function () {
    return Array.prototype.slice.call(this.list.children);
  };

  // A new option order on every visit (true/false keeps True first).
  Question.prototype.shuffle = function () {
    if (this.kind === "true_false") return;
    var list = this.list;
    var items = shuffle(this.items());
    if (this.kind === "order") {
      while (items.every(function (li, i) { return Number(li.getAttribute("data-item")) === i; })) shuffle(items);
    }
    items.forEach(function (li) {
      list.appendChild(li);
    });
  };

  Question.prototype.response = function () {
    var root = this.root;
    if (this.kind === "single" || this.kind === "true_false") {
      var checked = root.querySelector("input:checked");
      if (!checked) return null;
      return this.kind === "single" ? Number(checked.value) : checked.value === "true";
    }
    if (this.kind === "multiple") {
      var chosen = Array.prototype.map.call(root.querySelectorAll("input:checked"), function (input) {
        return Number(input.value);
      });
      return chosen.length ? chosen.sort(function (a, b) { return a - b; }) : null;
    }
    if (this.kind === "classify") {
      var values = [];
      root.querySelectorAll(".mvs-q__select").forEach(function (select) {
        values[Number(select.closest("li").getAttribute("data-item"))] = select.value;
      });
      return values;
    }
    return this.items().map(function (li) {
      return Number(li.getAttribute("data-item"));
    });
  };

  // Put a stored response back into the inputs; false if it does not fit this question.
  Question.prototype.restore = function (response) {
    if (!scoring.valid(this.kind, this.answer, response)) return false;
    var root = this.root;
    if (this.kind === "single" || this.kind === "true_false") {
      var input = root.querySelector('input[value="' + String(response) + '"]');
      if (!input) return false;
      input.checked = true;
    } else if (this.kind === "multiple") {
      root.querySelectorAll("input").forEach(function (box) {
        box.checked = response.indexOf(Number(box.value)) >= 0;
      });
    } else if (this.kind === "classify") {
      root.querySelectorAll(".mvs-q__select").forEach(function (select) {
        select.value = response[Number(select.closest("li").getAttribute("data-item"))];
      });
    } else {
      var list = this.list;
      var byItem = {};
      this.items().forEach(function (li) {
        byItem[li.getAttribute("data-item")] = li;
      });
      response.forEach(function (item) {
        list.appendChild(byItem[item]);
      });
    }
    this.check({ restoring: true });
    return true;
  };

  Question.prototype.move = function (li, step, button) {
    var items = this.items();
    var from = items.indexOf(li);
    var to = from + step;
    if (to < 0 || to >= items.length || this.result) return;
    if (step < 0) this.list.insertBefore(li, items[to]);
    else this.list.insertBefore(li, items[to].nextSibling);
    button.focus();
    var text = li.querySelector(".mvs-q__item-text").textContent;
    this.quiz.announce(say(this.quiz.words.moved, { item: text, position: to + 1, count: items.length }));
  };

  Question.prototype.setLocked = function (locked) {
    this.root.querySelectorAll("input, select, .mvs-q__move").forEach(function (control) {
      control.disabled = locked;
    });
    this.checkButton.hidden = locked;
    this.retryButton.hidden = !locked;
  };

  Question.prototype.check = function (options) {
    var restoring = options && options.restoring;
    var words = this.quiz.words;
    var response = this.response();
    if (this.kind === "classify" && response.indexOf("") >= 0) {
      var left = response.filter(function (v) { return v === ""; }).length;
      this.say([el("p", "mvs-q__verdict-line", say(words.sort_first, { left: left }))]);
      return;
    }
    if (response === null) {
      this.say([el("p", "mvs-q__verdict-line", this.kind === "multiple" ? words.choose_options : words.choose_answer)]);
      return;
    }
    this.result = scoring.score(this.kind, this.answer, response);
    this.result.response = response;
    this.setLocked(true);
    var fullyRight = this.result.score === 1;
    this.root.setAttribute("data-result", fullyRight ? "right" : this.result.score > 0 ? "partly" : "wrong");
    this.retryButton.hidden = fullyRight;
    this.mark(response);
    this.say(this.explain(response));
    if (!restoring) {
      // A right answer has nothing to try again: focus stays on its feedback, where Tab goes on.
      (fullyRight ? this.feedback : this.retryButton).focus();
      this.quiz.remember(this);
    }
  };

  Question.prototype.verdict = function () {
    var r = this.result;
    var words = this.quiz.words;
    var score = percent(r.score);
    if (r.score === 1) return words.right;
    if (this.kind === "multiple") {
      if (r.score === 0 && !r.hits) return words.multiple_none;
      if (r.score === 0) return say(words.multiple_cancelled, { hits: r.hits, right: r.right, wrong: r.falseAlarms });
      var partly = !r.falseAlarms ? words.multiple_partly
        : r.falseAlarms > 1 ? words.multiple_partly_wrong : words.multiple_partly_one_wrong;
      return say(partly, { hits: r.hits, right: r.right, wrong: r.falseAlarms, score: score });
    }
    if (this.kind === "classify") {
      return say(r.correct ? words.classify_partly : words.classify_none,
        { correct: r.correct, total: r.total, score: score });
    }
    if (this.kind === "order") {
      return say(r.pairs ? words.order_partly : words.order_none, { pairs: r.pairs, total: r.total, score: score });
    }
    return words.not_quite;
  };

  // Feedback from the answer key on the page, for what the learner chose.
  Question.prototype.explain = function (response) {
    var key = this.key;
    var words = this.quiz.words;
    var parts = [el("p", "mvs-q__verdict-line", this.verdict())];
    var list = el(this.kind === "order" ? "ol" : "ul", "mvs-q__why");
    function because(selector) {
      return key.querySelector(selector + " .mvs-q__because").textContent;
    }
    function text(selector) {
      return key.querySelector(selector + " .mvs-q__option-text").textContent;
    }
    if (this.kind === "single" || this.kind === "true_false") {
      var chosen = '[data-option="' + String(response) + '"]';
      list.appendChild(el("li", "", say(words.you_chose, { option: text(chosen), because: because(chosen) })));
      if (this.result.score < 1) {
        var right = '[data-option="' + String(this.answer) + '"]';
        list.appendChild(el("li", "", say(words.the_answer_is, { option: text(right) })));
      }
    } else if (this.kind === "multiple") {
      var answer = this.answer;
      key.querySelectorAll("[data-option]").forEach(function (li) {
        var index = Number(li.getAttribute("data-option"));
        var isRight = answer.right.indexOf(index) >= 0;
        var picked = response.indexOf(index) >= 0;
        if (!isRight && !picked) return;
        var message = picked ? (isRight ? words.chosen_right : words.chosen_wrong) : words.missed;
        var sel = '[data-option="' + index + '"]';
        list.appendChild(el("li", "", say(message, { option: text(sel), because: because(sel) })));
      });
    } else if (this.kind === "classify") {
      this.answer.forEach(function (category, i) {
        var sel = '[data-item="' + i + '"]';
        var ok = response[i] === category;
        list.appendChild(el("li", "", say(ok ? words.sorted_right : words.sorted_wrong, {
          item: text(sel), category: words.categories[category], chosen: words.categories[response[i]],
          because: because(sel)
        })));
      });
    } else {
      parts.push(el("p", "", words.right_order));
      for (var i = 0; i < this.answer; i += 1) {
        var item = '[data-item="' + i + '"]';
        list.appendChild(el("li", "", say(words.order_item, { item: text(item), because: because(item) })));
      }
    }
    parts.push(key.querySelector(".mvs-q__explanation").cloneNode(true));
    if (this.kind === "single" || this.kind === "true_false") {
      parts.splice(1, 0, list);
    } else {
      // One line per option or item: folded, so the feedback does not fill a phone's screen.
      var details = el("details", "mvs-q__details");
      details.appendChild(el("summary", "", words.each_option));
      details.appendChild(list);
      parts.push(details);
    }
    var cite = key.querySelector(".mvs-cite");
    if (cite) parts.push(cite.cloneNode(true));
    return parts;
  };

  // Right and wrong marks next to the learner's own choices (in words, not only colour).
  Question.prototype.mark = function (response) {
    var self = this;
    this.unmark();
    this.items().forEach(function (li) {
      var ok = null;
      if (self.kind === "single" || self.kind === "true_false" || self.kind === "multiple") {
        var input = li.querySelector("input");
        var value = self.kind === "true_false" ? input.value === "true" : Number(input.value);
        var isRight = self.kind === "multiple" ? self.answer.right.indexOf(value) >= 0 : value === self.answer;
        if (input.checked) ok = isRight;
        else if (isRight) ok = "missed";
      } else if (self.kind === "classify") {
        var item = Number(li.getAttribute("data-item"));
        ok = response[item] === self.answer[item];
      } else {
        var at = self.items().indexOf(li);
        ok = Number(li.getAttribute("data-item")) === at;
      }
      if (ok === null) return;
      var marks = self.quiz.words.marks;
      var mark = ok === "missed" ? marks.missed : ok ? marks.right : marks.wrong;
      if (self.kind === "order") mark = ok ? marks.right_place : marks.wrong_place;
      li.classList.add(ok === "missed" ? "is-missed" : ok ? "is-right" : "is-wrong");
      li.appendChild(el("span", "mvs-q__mark", mark));
    });
  };

  Question.prototype.unmark = function () {
    this.items().forEach(function (li) {
      li.classList.remove("is-right", "is-wrong", "is-missed");
      var mark = li.querySelector(".mvs-q__mark");
      if (mark) mark.remove();
    });
  };

  Question.prototype.say = function (nodes) {
    this.feedback.replaceChildren.apply(this.feedback, nodes);
  };

  Question.prototype.reset = function (focus) {
    this.result = null;
    this.root.removeAttribute("data-result");
    this.unmark();
    this.say([]);
    this.setLocked(false);
    this.root.querySelectorAll("input").forEach(function (input) {
      input.checked = false;
    });
    this.root.querySelectorAll("select").forEach(function (select) {
      select.value = "";
    });
    if (this.kind === "order" || this.kind === "classify") this.shuffle();
    if (focus) {
      var first = this.root.querySelector("input, select, .mvs-q__move");
      if (first) first.focus();
    }
  };

  /* ---- One quiz ---- */

  function Quiz(root) {
    var self = this;
    this.root = root;
    this.id = root.getAttribute("data-quiz");
    this.fingerprint = root.getAttribute("data-fingerprint");
    this.words = window.mvsQuizWords;
    this.scoreLine = root.querySelector(".mvs-quiz__score");
    this.announcer = root.querySelector(".mvs-quiz__announce");
    this.questions = Array.prototype.map.call(root.querySelectorAll(".mvs-q"), function (fieldset) {
      return new Question(fieldset, self);
    });
    root.querySelector(".mvs-quiz__restart").addEventListener("click", function () {
      self.restart();
    });
    root.classList.add("mvs-quiz--ready");
    var answers = storedAnswers(load(), this.id, this.fingerprint);
    this.questions.forEach(function (question) {
      if (answers[question.id]) question.restore(answers[question.id].response);
    });
    this.summarise();
  }

  Quiz.prototype.announce = function (text) {
    this.announcer.textContent = text;
  };

  Quiz.prototype.entry = function (store) {
    var entry = store.quizzes[this.id];
    if (!entry || entry.fingerprint !== this.fingerprint) {
      entry = { fingerprint: this.fingerprint, updated: Date.now(), answers: {} };
      store.quizzes[this.id] = entry;
    }
    return entry;
  };

  Quiz.prototype.remember = function (question) {
    var store = load();
    var entry = this.entry(store);
    entry.answers[question.id] = { response: question.result.response, score: question.result.score };
    entry.updated = Date.now();
    save(store);
    this.summarise();
    changed(this.root, question);
  };

  Quiz.prototype.forget = function (question) {
    var store = load();
    var entry = this.entry(store);
    delete entry.answers[question.id];
    entry.updated = Date.now();
    save(store);
    this.summarise();
    changed(this.root);
  };

  Quiz.prototype.restart = function () {
    this.questions.forEach(function (question) {
      question.reset(false);
    });
    var store = load();
    delete store.quizzes[this.id];
    save(store);
    this.summarise();
    changed(this.root);
    var first = this.root.querySelector(".mvs-q input, .mvs-q select, .mvs-q .mvs-q__move");
    if (first) first.focus();
  };

  Quiz.prototype.summarise = function () {
    var answered = this.questions.filter(function (q) { return q.result; });
    var total = this.questions.length;
    var sum = answered.reduce(function (acc, q) { return acc + q.result.score; }, 0);
    var words = this.words;
    var text;
    if (!answered.length) {
      text = say(words.summary_none, { total: total });
    } else if (answered.length === total) {
      text = say(words.summary_done, { points: points(sum), total: total, percent: percent(sum / total) });
    } else {
      text = say(words.summary_partly, {
        answered: answered.length, total: total, points: points(sum), percent: percent(sum / answered.length)
      });
    }
    this.scoreLine.textContent = text;
  };

  /* ---- The progress page ---- */

  function Progress(root) {
    var self = this;
    this.root = root;
    this.words = JSON.parse(root.getAttribute("data-words"));
    this.total = root.querySelector(".mvs-progress__total");
    this.reset = root.querySelector(".mvs-progress__reset");
    this.confirm = root.querySelector(".mvs-progress__confirm");
    this.cancel = root.querySelector(".mvs-progress__cancel");
    root.classList.add("mvs-progress--ready");
    this.reset.addEventListener("click", function () {
      self.asking(true);
      self.confirm.focus();
    });
    this.cancel.addEventListener("click", function () {
      self.asking(false);
      self.reset.focus();
    });
    this.confirm.addEventListener("click", function () {
      save({ version: VERSION, quizzes: {} });
      self.asking(false);
      self.fill();
      self.total.textContent = say(self.words.cleared, { status: self.total.textContent });
      self.reset.focus();
    });
    this.fill();
  }

  Progress.prototype.asking = function (on) {
    this.reset.hidden = on;
    this.confirm.hidden = !on;
    this.cancel.hidden = !on;
  };

  Progress.prototype.fill = function () {
    var store = load();
    var words = this.words;
    var started = 0;
    var quizzes = this.root.querySelectorAll("tr[data-quiz]");
    quizzes.forEach(function (row) {
      var count = Number(row.getAttribute("data-count"));
      var answers = storedAnswers(store, row.getAttribute("data-quiz"), row.getAttribute("data-fingerprint"));
      var ids = Object.keys(answers);
      var sum = ids.reduce(function (acc, id) { return acc + answers[id].score; }, 0);
      var answered = Math.min(ids.length, count);
      var cell = function (name) { return row.querySelector('[data-cell="' + name + '"]'); };
      cell("answered").textContent = say(words.answered, { answered: answered, count: count });
      cell("score").textContent = answered
        ? say(words.score, { points: points(sum), answered: answered, percent: percent(sum / answered) }) : words.no_score;
      var entry = store.quizzes[row.getAttribute("data-quiz")];
      cell("last").textContent = answered ? new Date(entry.updated).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : words.not_started;
      if (answered) started += 1;
    });
    this.total.textContent = started ? say(words.started, { started: started, count: quizzes.length })
      : words.none_started;
  };

  /* ---- Start ---- */

  // Starts every quiz on the page once common.js (format) is there too.
  function start() {
    if (!window.mvsCommon) return;
    // The questions come folded in a <noscript> (see quiz-loader.js): unfold them first.
    if (window.mvsQuizLoader && window.mvsQuizLoader.unfold) window.mvsQuizLoader.unfold();
    document.querySelectorAll(".mvs-quiz").forEach(function (root) {
      if (!root._mvsQuiz) root._mvsQuiz = new Quiz(root);
    });
    document.querySelectorAll("[data-quiz-progress]").forEach(function (root) {
      if (!root._mvsProgress) root._mvsProgress = new Progress(root);
    });
  }

  // Loaded late (by quiz-loader.js), this may run after document$ has last emitted: start now as
  // well as on every later page. start() skips widgets it has already started.
  function subscribe() {
    start();
    if (window.document$) window.document$.subscribe(start);
  }

  document.addEventListener("mvs:loaded", start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", subscribe);
  else subscribe();
})();
