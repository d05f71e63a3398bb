/* Tools for founders: the funnel check-up and "where to invest first".
 *
 * Everything runs in the browser: the numbers a founder types stay in the page's address
 * (after the #, which browsers never send) and in localStorage, and nothing is sent anywhere. The pure
 * functions at the top (validation, judging, the recommendation) also load in Node for the unit tests.
 * The funnel arithmetic and format() come from common.js; every message comes from the widget's config
 * (data/interface.yml).
 */
(function () {
  "use strict";

  var inNode = typeof module === "object" && module.exports;
  // In the browser, window.mvsCommon: set when the widgets start, as common.js may arrive after this script.
  var common = inNode ? require("./common.js") : null;

  function number(value) {
    return common.number(value);
  }

  function percent(rate) {
    return common.shortPercent(rate);
  }

  /* ---- Funnel check-up: validation ---- */

  /* One field's text -> {value} or {error}; messages: the check-up's errors (data/interface.yml). */
  function parse(raw, options, messages) {
    var text = String(raw === undefined || raw === null ? "" : raw).trim().replace(/[,\s]/g, "");
    if (text === "") return { error: messages.empty };
    if (/^-/.test(text)) return { error: messages.negative };
    if (!/^\d+(\.\d+)?$/.test(text)) return { error: messages.not_digits };
    var value = Number(text);
    if (options.whole && value % 1 !== 0) return { error: messages.not_whole };
    if (value < options.min) return { error: common.format(messages.too_small, { min: number(options.min) }) };
    if (value > options.max) {
      return { error: common.format(messages.too_large, { max: options.unit + number(options.max) }) };
    }
    return { value: value };
  }

  /* A target conversion, typed as a percentage -> {value} (a fraction) or {error}. */
  function parsePercent(raw, messages) {
    var text = String(raw === undefined || raw === null ? "" : raw).trim().replace(/%$/, "").replace(/\s/g, "");
    if (text === "") return { error: messages.target_empty };
    if (/^-/.test(text)) return { error: messages.negative };
    if (!/^\d+(\.\d+)?$/.test(text)) return { error: messages.target_not_digits };
    var value = Number(text);
    if (value === 0) return { error: messages.target_zero };
    if (value > 100) return { error: messages.target_too_large };
    return { value: value / 100 };
  }

  /* One funnel's counts, in fields named prefix + stage id. */
  function validateCounts(raw, stages, limits, prefix, values, errors) {
    var messages = limits.messages.errors;
    stages.forEach(function (stage, i) {
      var name = prefix + stage.id;
      var result = parse(raw[name], { whole: true, min: i === 0 ? 1 : 0, max: limits.maxReach, unit: "" }, messages);
      if (result.error) {
        errors[name] = result.error;
        return;
      }
      values[name] = result.value;
      var above = i > 0 ? prefix + stages[i - 1].id : null;
      if (above && values[above] !== undefined && result.value > values[above]) {
        errors[name] = common.format(messages.more_than_above, {
          count: number(values[above]), stage: stages[i - 1].name.toLowerCase()
        });
      }
    });
  }

  /* raw: {stageId: text, ..., sale: text, t-stageId: text or p-stageId: text}. limits: the check-up's config
     (maxReach, maxSale, currency, messages). basis: "targets" or "earlier".
     Returns {values, errors}, both keyed by field name; errors is empty when all is well. */
  function validate(raw, stages, limits, basis) {
    var values = {};
    var errors = {};
    var messages = limits.messages.errors;
    validateCounts(raw, stages, limits, "", values, errors);
    var sale = parse(raw.sale, { whole: false, min: 0, max: limits.maxSale, unit: limits.currency }, messages);
    if (sale.error) errors.sale = sale.error;
    else values.sale = sale.value;
    if (basis === "earlier") {
      validateCounts(raw, stages, limits, "p-", values, errors);
    } else {
      stages.slice(1).forEach(function (stage) {
        var target = parsePercent(raw["t-" + stage.id], messages);
        if (target.error) errors["t-" + stage.id] = target.error;
        else values["t-" + stage.id] = target.value;
      });
    }
    return { values: values, errors: errors };
  }

  /* ---- Funnel check-up: judging ---- */

  function rates(counts) {
    return common.ratesFromCounts(counts);
  }

  /* What each stage's conversion is judged against: the founder's targets, or the same stage's
     conversion in the earlier period (null where the earlier period had nobody at the stage before). */
  function benchmarks(values, stages, basis) {
    return stages.slice(1).map(function (stage, i) {
      if (basis !== "earlier") return values["t-" + stage.id];
      var before = values["p-" + stages[i].id];
      return before > 0 ? values["p-" + stage.id] / before : null;
    });
  }

  /* The weakest stage (index into counts, 1..n-1): the one whose conversion falls furthest short of its
     benchmark, as a share of it; 0 when no stage falls short. Ties go to the earlier stage. */
  function judge(counts, marks) {
    var yours = rates(counts);
    var ratios = yours.map(function (rate, i) {
      return marks[i] === null || marks[i] === undefined ? null : rate / marks[i];
    });
    var weakest = 0;
    ratios.forEach(function (ratio, i) {
      if (ratio !== null && ratio < 1 && (weakest === 0 || ratio < ratios[weakest - 1])) weakest = i + 1;
    });
    return { rates: yours, benchmarks: marks, ratios: ratios, weakest: weakest };
  }

  /* Set one stage's conversion to `rate`, keep the others, and carry it down the funnel. */
  function whatIf(counts, sale, stage, rate) {
    var r = rates(counts);
    var changed = r.slice();
    changed[stage - 1] = rate;
    var after = common.countsFromRates(counts[0], changed);
    var customers = after[after.length - 1];
    var before = counts[counts.length - 1];
    return {
      rateBefore: r[stage - 1], rateAfter: rate, customers: customers, revenue: customers * sale,
      extraCustomers: customers - before, extraRevenue: (customers - before) * sale,
    };
  }

  /* ---- Where to invest first ---- */

  /* answers: {questionId: optionId}. Points add up; one side must lead by `margin` to come first. */
  function recommend(questions, answers, margin) {
    var marketing = 0;
    var sales = 0;
    var chosen = [];
    var missing = [];
    questions.forEach(function (q) {
      var option = q.options.filter(function (o) { return o.id === answers[q.id]; })[0];
      if (!option) {
        missing.push(q.id);
        return;
      }
      marketing += option.marketing;
      sales += option.sales;
      chosen.push({ question: q.id, option: option });
    });
    var verdict = marketing - sales >= margin ? "marketing" : sales - marketing >= margin ? "sales" : "balanced";
    return { marketing: marketing, sales: sales, verdict: verdict, chosen: chosen, missing: missing };
  }

  var api = {
    parse: parse, parsePercent: parsePercent, validate: validate, rates: rates, benchmarks: benchmarks,
    judge: judge, whatIf: whatIf, recommend: recommend
  };
  if (inNode) {
    module.exports = api;
    return;
  }
  // Instant navigation runs this script again on each visit to a tools page: start once.
  if (window.mvsTools) return;
  window.mvsTools = api;

  /* ---- The check-up in the page ---- */

  var STORE = "mvs-checkup";

  function Checkup(root) {
    var self = this;
    this.root = root;
    this.config = JSON.parse(root.getAttribute("data-checkup"));
    this.form = root.querySelector("form");
    this.results = root.querySelector("[data-results]");
    this.status = root.querySelector("[data-status]");
    this.summary = root.querySelector("[data-error-summary]");
    var ids = this.config.stages.map(function (s) { return s.id; });
    this.counts = ids.concat(["sale"]);
    this.fields = this.counts.concat(ids.slice(1).map(function (id) { return "t-" + id; }),
      ids.map(function (id) { return "p-" + id; }));
    this.timer = null;
    this.path = window.location.pathname; // the page's address, which save() writes the numbers into
    this.chartCounts = null; // the counts the chart waits to show until funnels.js arrives
    this.restore();
    this.form.addEventListener("input", function (event) {
      if (event.target.name === "basis") return; // handled on change, below
      clearTimeout(self.timer);
      self.timer = setTimeout(function () {
        self.timer = null;
        if (self.root.isConnected) self.update(true);
      }, 300);
    });
    this.form.addEventListener("change", function (event) {
      clearTimeout(self.timer);
      // A new basis shows new, empty fields: no "Enter a number" on each of them until the founder types.
      if (event.target.name === "basis") {
        self.update(false);
        self.save(self.raw());
      } else {
        self.update(true);
      }
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(self.timer);
      self.update(true, true);
      if (!self.summary.hidden) self.summary.focus();
    });
    root.querySelector("[data-clear]").addEventListener("click", function () { self.clear(); });
    this.update(false);
  }

  Checkup.prototype.input = function (name) {
    return this.form.elements[name];
  };

  Checkup.prototype.basis = function () {
    var checked = this.form.querySelector('input[name="basis"]:checked');
    return checked && checked.value === "earlier" ? "earlier" : "targets";
  };

  Checkup.prototype.setBasis = function (basis) {
    this.form.querySelectorAll('input[name="basis"]').forEach(function (radio) { radio.checked = radio.value === basis; });
  };

  /* The fields in use: this period's counts and sale, plus the targets or the earlier period. */
  Checkup.prototype.active = function () {
    var prefix = this.basis() === "earlier" ? "p-" : "t-";
    return this.fields.filter(function (name) { return this.counts.indexOf(name) >= 0 || name.indexOf(prefix) === 0; }, this);
  };

  Checkup.prototype.raw = function () {
    var self = this;
    var raw = {};
    this.fields.forEach(function (name) { raw[name] = self.input(name).value; });
    return raw;
  };

  Checkup.prototype.restore = function () {
    var self = this;
    var params = new URLSearchParams(window.location.hash.slice(1));
    var saved = {};
    var names = this.fields.concat(["example", "basis"]);
    if (this.fields.some(function (name) { return params.has(name); })) {
      names.forEach(function (name) { if (params.has(name)) saved[name] = params.get(name); });
    } else {
      try {
        var stored = JSON.parse(window.localStorage.getItem(STORE) || "{}");
        if (stored && typeof stored === "object" && !Array.isArray(stored)) saved = stored;
      } catch (e) {
        saved = {};
      }
    }
    this.fields.concat(["example"]).forEach(function (name) {
      if (typeof saved[name] === "string" && saved[name].length < 40) self.input(name).value = saved[name];
    });
    if (saved.basis === "earlier" || saved.basis === "targets") this.setBasis(saved.basis);
  };

  Checkup.prototype.save = function (raw) {
    // Never write this page's numbers into another page's address (instant navigation changes it first).
    if (!this.root.isConnected || window.location.pathname !== this.path) return;
    var state = { example: this.input("example").value, basis: this.basis() };
    this.active().forEach(function (name) { state[name] = raw[name]; });
    var params = new URLSearchParams();
    Object.keys(state).forEach(function (name) {
      if (state[name] !== "") params.set(name, state[name]);
    });
    // The numbers go in the fragment (#...), which browsers never send to a server, not even as a referrer.
    window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search +
      "#" + params.toString());
    try {
      window.localStorage.setItem(STORE, JSON.stringify(state));
    } catch (e) {
      /* Storage full or off: the link still holds the numbers. */
    }
  };

  Checkup.prototype.clear = function () {
    var self = this;
    this.fields.forEach(function (name) { self.input(name).value = ""; });
    try {
      window.localStorage.removeItem(STORE);
    } catch (e) {
      /* nothing stored */
    }
    window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    this.update(false);
    this.input(this.fields[0]).focus();
  };

  /* The error summary at the top of the form: once the form has been sent with errors, it lists each field
     still to fix, linked to it, and closes when none is left. */
  Checkup.prototype.summarise = function (errors, open) {
    var self = this;
    var list = this.summary.querySelector("[data-error-list]");
    var names = this.active().filter(function (name) {
      return errors[name] && self.input(name).getAttribute("aria-invalid") === "true";
    });
    if (!names.length || (this.summary.hidden && !open)) {
      this.summary.hidden = true;
      return;
    }
    this.summary.querySelector("[data-error-title]").textContent = this.config.messages.status.summary_title;
    list.replaceChildren.apply(list, names.map(function (name) {
      var input = self.input(name);
      var label = input.labels && input.labels[0];
      var field = label ? label.firstChild.textContent.trim() : name;
      var link = document.createElement("a");
      link.href = "#" + input.id;
      link.textContent = field + ": " + errors[name];
      var item = document.createElement("li");
      item.appendChild(link);
      return item;
    }));
    this.summary.hidden = false;
  };

  /* Show each field's message (only for fields the founder has typed in, until they submit); returns how many. */
  Checkup.prototype.showErrors = function (errors, touched) {
    var self = this;
    var active = this.active();
    var shown = 0;
    this.fields.forEach(function (name) {
      var input = self.input(name);
      var visible = active.indexOf(name) >= 0 && (touched || input.value !== "");
      var message = visible ? errors[name] || "" : "";
      var slot = self.root.querySelector('[data-error-for="' + name + '"]');
      if (slot.textContent !== message) slot.textContent = message;
      if (message) {
        input.setAttribute("aria-invalid", "true");
        shown += 1;
      } else {
        input.removeAttribute("aria-invalid");
      }
    });
    return shown;
  };

  Checkup.prototype.update = function (touched, submitted) {
    var basis = this.basis();
    this.root.querySelectorAll("[data-basis-fields]").forEach(function (set) {
      set.hidden = set.getAttribute("data-basis-fields") !== basis;
    });
    var raw = this.raw();
    var stages = this.config.stages;
    var active = this.active();
    var empty = active.every(function (name) { return raw[name].trim() === ""; });
    var checked = validate(raw, stages, this.config, basis);
    var shown = this.showErrors(checked.errors, touched && !empty);
    this.summarise(checked.errors, submitted && !empty);
    if (touched) this.save(raw);
    var problems = Object.keys(checked.errors).length;
    if (empty || problems) {
      this.results.hidden = true;
      var status = this.config.messages.status;
      this.status.textContent = empty ? "" : shown === 0 ? status.fill_in : shown === 1 ? status.one_to_fix
        : common.format(status.many_to_fix, { count: shown });
      return;
    }
    var counts = stages.map(function (s) { return checked.values[s.id]; });
    this.show(counts, checked.values.sale, benchmarks(checked.values, stages, basis), basis);
  };

  Checkup.prototype.show = function (counts, sale, marks, basis) {
    var config = this.config;
    var example = config.examples.filter(function (e) { return e.id === this.input("example").value; }, this)[0] ||
      config.examples[0];
    var result = judge(counts, marks);
    var exampleRates = rates(example.counts);
    var money = function (value) { return common.money(value, config.currency); };
    var format = common.format;
    var messages = config.messages;
    var against = messages[basis === "earlier" ? "earlier" : "targets"];
    var root = this.root;
    root.querySelector("[data-basis-heading]").textContent = against.heading;
    root.querySelectorAll("[data-rate-row]").forEach(function (row, i) {
      var cells = row.querySelectorAll("td");
      cells[0].textContent = percent(result.rates[i]);
      cells[1].textContent = marks[i] === null ? messages.no_one_before : percent(marks[i]);
      cells[2].textContent = percent(exampleRates[i]);
      row.classList.toggle("is-weakest", i + 1 === result.weakest);
    });
    root.querySelector("[data-example-name]").textContent = example.business;
    var weakest = root.querySelector("[data-weakest]");
    var none = root.querySelector("[data-no-weakest]");
    var customers = counts[counts.length - 1];
    weakest.hidden = result.weakest === 0;
    none.hidden = result.weakest !== 0;
    var summary = format(messages.summary, { customers: number(customers), revenue: money(customers * sale) });
    if (result.weakest === 0) {
      none.querySelector("[data-no-weakest-title]").textContent = against.no_weakest_title;
      none.querySelector("[data-no-weakest-text]").textContent = against.no_weakest_text;
      this.status.textContent = format(messages.status.no_weakest, { title: against.no_weakest_title, summary: summary });
    } else {
      var at = result.weakest - 1;
      var stage = config.stages[result.weakest];
      weakest.querySelector("[data-weakest-stage]").textContent = stage.rateLabel;
      weakest.querySelector("[data-weakest-numbers]").textContent = format(against.weakest_numbers, {
        yours: percent(result.rates[at]), mark: percent(marks[at]), ratio: percent(result.ratios[at])
      });
      weakest.querySelector("[data-weakest-owner]").textContent = config.ownerText[stage.owner];
      var list = weakest.querySelector("[data-actions]");
      var source = root.querySelector('[data-actions-for="' + stage.id + '"]');
      list.replaceChildren.apply(list, Array.prototype.map.call(source.children, function (li) {
        return li.cloneNode(true);
      }));
      var change = whatIf(counts, sale, result.weakest, marks[at]);
      root.querySelector("[data-what-if]").textContent = format(messages.what_if, {
        before: percent(change.rateBefore), after: percent(change.rateAfter), mark: against.what_if_mark,
        customers: number(change.customers), now: number(customers),
        change: change.extraCustomers >= 0.5 ? format(messages.what_if_more, { count: number(change.extraCustomers) })
          : messages.what_if_same,
        revenue: money(change.revenue), extra_revenue: money(change.extraRevenue)
      });
      this.status.textContent = format(messages.status.weakest, {
        stage: stage.rateLabel.toLowerCase(), yours: percent(result.rates[at]), mark: percent(marks[at]), summary: summary
      });
    }
    this.results.hidden = false;
    this.chartCounts = counts;
    this.drawChart();
  };

  /* The chart follows the numbers; funnels.js may arrive after this script (it says so with mvs:loaded). */
  Checkup.prototype.drawChart = function () {
    if (!this.chartCounts || !window.mvsFunnel) return;
    window.mvsFunnel.updateChart(this.root.querySelector(".mvs-chart"), this.chartCounts, this.config.stages);
    this.chartCounts = null;
  };

  /* ---- The questionnaire in the page ---- */

  function Invest(root) {
    var self = this;
    this.root = root;
    this.config = JSON.parse(root.getAttribute("data-invest"));
    this.form = root.querySelector("form");
    this.result = root.querySelector("[data-result]");
    this.status = root.querySelector("[data-status]");
    this.form.addEventListener("change", function () { self.update(); });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.update();
    });
    this.update();
  }

  Invest.prototype.update = function () {
    var form = this.form;
    var answers = {};
    this.config.questions.forEach(function (q) {
      var checked = form.querySelector('input[name="' + q.id + '"]:checked');
      if (checked) answers[q.id] = checked.value;
    });
    var outcome = recommend(this.config.questions, answers, this.config.margin);
    if (outcome.chosen.length === 0) {
      this.result.hidden = true;
      this.status.textContent = "";
      return;
    }
    var root = this.root;
    var verdict = root.querySelector('[data-verdict-for="' + outcome.verdict + '"]');
    root.querySelectorAll("[data-verdict-for]").forEach(function (box) { box.hidden = box !== verdict; });
    var messages = this.config.messages;
    var missing = outcome.missing.length;
    var points = common.format(messages.points, { marketing: outcome.marketing, sales: outcome.sales });
    if (missing) points += " " + common.format(missing > 1 ? messages.missing_many : messages.missing_one, { count: missing });
    root.querySelector("[data-points]").textContent = points;
    var reasons = root.querySelector("[data-reasons]");
    reasons.replaceChildren.apply(reasons, outcome.chosen.map(function (pick) {
      return root.querySelector('[data-reason-for="' + pick.question + "/" + pick.option.id + '"]').cloneNode(true);
    }));
    this.result.hidden = false;
    this.status.textContent = common.format(messages.status, { verdict: verdict.querySelector("h3").textContent, points: points });
  };

  var checkups = []; // the check-ups started, until instant navigation leaves them behind

  // Starts the widgets on the page once common.js is there too; on each page, stops the check-ups of the page
  // before, so a pending check (the typing delay) never runs after the reader has left.
  function start() {
    checkups = checkups.filter(function (checkup) {
      if (checkup.root.isConnected) {
        checkup.drawChart();
        return true;
      }
      clearTimeout(checkup.timer);
      return false;
    });
    if (!window.mvsCommon) return;
    common = window.mvsCommon;
    document.querySelectorAll("[data-checkup]").forEach(function (root) {
      if (!root._mvsCheckup) {
        root._mvsCheckup = new Checkup(root);
        checkups.push(root._mvsCheckup);
      }
    });
    document.querySelectorAll("[data-invest]").forEach(function (root) {
      if (!root._mvsInvest) root._mvsInvest = new Invest(root);
    });
  }

  function subscribe() {
    start();
    if (window.document$) window.document$.subscribe(start);
  }

  // common.js and funnels.js say when they arrive (after instant navigation, perhaps after this script).
  document.addEventListener("mvs:loaded", start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", subscribe);
  else subscribe();
})();
