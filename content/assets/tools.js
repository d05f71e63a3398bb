/* Tools for founders: the funnel check-up and "where to invest first".
 *
 * Everything runs in the browser: the numbers a founder types stay in the page's address
 * (after the #, which browsers never send) and in localStorage, and nothing is sent anywhere. The pure functions at the top (validation, funnel
 * arithmetic, the recommendation) also load in Node for the unit tests.
 */
(function () {
  "use strict";

  /* ---- Funnel check-up: arithmetic ---- */

  function number(value) {
    return Math.round(value).toLocaleString("en-US");
  }

  function percent(rate) {
    return (Math.round(rate * 1000) / 10).toLocaleString("en-US") + "%";
  }

  /* One field's text -> {value} or {error}. */
  function parse(raw, options) {
    var text = String(raw === undefined || raw === null ? "" : raw).trim().replace(/[,\s]/g, "");
    if (text === "") return { error: "Enter a number." };
    if (/^-/.test(text)) return { error: "Enter zero or more, not a negative number." };
    if (!/^\d+(\.\d+)?$/.test(text)) return { error: "Enter a number, using digits only (such as 1200)." };
    var value = Number(text);
    if (options.whole && value % 1 !== 0) return { error: "Enter a whole number of people." };
    if (value < options.min) return { error: "Enter at least " + number(options.min) + "." };
    if (value > options.max) {
      return { error: "That is more than " + options.unit + number(options.max) + "; check for extra zeros." };
    }
    return { value: value };
  }

  /* raw: {stageId: text, ..., sale: text}. Returns {values, errors}; errors is empty when all is well. */
  function validate(raw, stages, limits) {
    var values = {};
    var errors = {};
    stages.forEach(function (stage, i) {
      var result = parse(raw[stage.id], { whole: true, min: i === 0 ? 1 : 0, max: limits.maxReach, unit: "" });
      if (result.error) {
        errors[stage.id] = result.error;
        return;
      }
      values[stage.id] = result.value;
      var above = i > 0 ? stages[i - 1] : null;
      if (above && values[above.id] !== undefined && result.value > values[above.id]) {
        errors[stage.id] = "This can't be more than the " + number(values[above.id]) + " " +
          above.name.toLowerCase() + " above it: each stage is part of the one before.";
      }
    });
    var sale = parse(raw.sale, { whole: false, min: 0, max: limits.maxSale, unit: limits.currency });
    if (sale.error) errors.sale = sale.error;
    else values.sale = sale.value;
    return { values: values, errors: errors };
  }

  function rates(counts) {
    return counts.slice(1).map(function (count, i) {
      return counts[i] > 0 ? count / counts[i] : 0;
    });
  }

  /* The stage (index into counts, 1..n-1) whose conversion falls furthest short of the example's. */
  function analyse(counts, exampleCounts) {
    var yours = rates(counts);
    var theirs = rates(exampleCounts);
    var ratios = yours.map(function (rate, i) { return theirs[i] > 0 ? rate / theirs[i] : 1; });
    var weakest = 0;
    ratios.forEach(function (ratio, i) { if (ratio < ratios[weakest]) weakest = i; });
    return { rates: yours, exampleRates: theirs, ratios: ratios, weakest: weakest + 1 };
  }

  /* Raise one stage's conversion by pct percent of itself (at most 100%), the others unchanged. */
  function whatIf(counts, sale, stage, pct) {
    var r = rates(counts);
    var raised = Math.min(1, r[stage - 1] * (1 + pct / 100));
    var after = [counts[0]];
    r.forEach(function (rate, i) { after.push(after[i] * (i === stage - 1 ? raised : rate)); });
    var customers = after[after.length - 1];
    var before = counts[counts.length - 1];
    return {
      rateBefore: r[stage - 1], rateAfter: raised, customers: customers, revenue: customers * sale,
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

  var api = { parse: parse, validate: validate, rates: rates, analyse: analyse, whatIf: whatIf, recommend: recommend };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }
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
    this.fields = this.config.stages.map(function (s) { return s.id; }).concat(["sale"]);
    this.timer = null;
    this.restore();
    this.form.addEventListener("input", function () {
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.update(true); }, 300);
    });
    this.form.addEventListener("change", function () { self.update(true); });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.update(true);
    });
    root.querySelector("[data-clear]").addEventListener("click", function () { self.clear(); });
    this.update(false);
  }

  Checkup.prototype.input = function (name) {
    return this.form.elements[name];
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
    if (this.fields.some(function (name) { return params.has(name); })) {
      this.fields.concat(["example"]).forEach(function (name) { if (params.has(name)) saved[name] = params.get(name); });
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
  };

  Checkup.prototype.save = function (raw) {
    var state = Object.assign({ example: this.input("example").value }, raw);
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

  Checkup.prototype.showErrors = function (errors, touched) {
    var self = this;
    this.fields.forEach(function (name) {
      var input = self.input(name);
      var message = touched || input.value !== "" ? errors[name] || "" : "";
      var slot = self.root.querySelector('[data-error-for="' + name + '"]');
      if (slot.textContent !== message) slot.textContent = message;
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  };

  Checkup.prototype.update = function (touched) {
    var raw = this.raw();
    var stages = this.config.stages;
    var empty = this.fields.every(function (name) { return raw[name].trim() === ""; });
    var checked = validate(raw, stages, this.config);
    this.showErrors(checked.errors, touched && !empty);
    if (touched) this.save(raw);
    var problems = Object.keys(checked.errors).length;
    if (empty || problems) {
      this.results.hidden = true;
      this.status.textContent = empty ? "" : problems === 1 ? "One number needs fixing; see the message next to it."
        : problems + " numbers need fixing; see the messages next to them.";
      return;
    }
    this.show(stages.map(function (s) { return checked.values[s.id]; }), checked.values.sale);
  };

  Checkup.prototype.show = function (counts, sale) {
    var config = this.config;
    var example = config.examples.filter(function (e) { return e.id === this.input("example").value; }, this)[0] ||
      config.examples[0];
    var result = analyse(counts, example.counts);
    var stage = config.stages[result.weakest];
    var money = function (value) { return config.currency + number(value); };
    var root = this.root;
    root.querySelectorAll("[data-rate-row]").forEach(function (row, i) {
      var cells = row.querySelectorAll("td");
      cells[0].textContent = percent(result.rates[i]);
      cells[1].textContent = percent(result.exampleRates[i]);
      row.classList.toggle("is-weakest", i + 1 === result.weakest);
    });
    root.querySelector("[data-example-name]").textContent = example.business;
    var weakest = root.querySelector("[data-weakest]");
    weakest.querySelector("[data-weakest-stage]").textContent = stage.rateLabel;
    weakest.querySelector("[data-weakest-numbers]").textContent = "Yours is " + percent(result.rates[result.weakest - 1]) +
      " against " + percent(result.exampleRates[result.weakest - 1]) + " in the illustrative " +
      example.business.toLowerCase() + " example." + (result.ratios[result.weakest - 1] >= 1
        ? " Every stage of yours does at least as well as the example's; this is the one with the least to spare."
        : "");
    weakest.querySelector("[data-weakest-owner]").textContent = config.ownerText[stage.owner];
    var list = weakest.querySelector("[data-actions]");
    var source = root.querySelector('[data-actions-for="' + stage.id + '"]');
    list.replaceChildren.apply(list, Array.prototype.map.call(source.children, function (li) {
      return li.cloneNode(true);
    }));
    var change = whatIf(counts, sale, result.weakest, 10);
    root.querySelector("[data-what-if]").textContent = "If you raised this conversion by 10% of itself, from " +
      percent(change.rateBefore) + " to " + percent(change.rateAfter) + ", and every other stage stayed the same, you " +
      "would have about " + number(change.customers) + " customers instead of " + number(counts[counts.length - 1]) +
      " (" + (change.extraCustomers >= 0.5 ? "+" + number(change.extraCustomers) : "no change") + ") and " +
      money(change.revenue) + " in revenue (+" + money(change.extraRevenue) + ").";
    this.results.hidden = false;
    this.status.textContent = "Your weakest stage: " + stage.rateLabel.toLowerCase() + " (" +
      percent(result.rates[result.weakest - 1]) + "). " + number(counts[counts.length - 1]) + " customers and " +
      money(counts[counts.length - 1] * sale) + " in revenue.";
    var chart = root.querySelector(".mvs-chart");
    var draw = function () {
      if (window.mvsFunnel && window.mvsFunnel.updateChart) window.mvsFunnel.updateChart(chart, counts, config.stages);
      else setTimeout(draw, 100);
    };
    draw();
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
    root.querySelector("[data-points]").textContent = "Points from your answers: marketing " + outcome.marketing +
      ", sales " + outcome.sales + "." + (outcome.missing.length ? " Answer the other " + outcome.missing.length +
      " question" + (outcome.missing.length > 1 ? "s" : "") + " for a firmer answer." : "");
    var reasons = root.querySelector("[data-reasons]");
    reasons.replaceChildren.apply(reasons, outcome.chosen.map(function (pick) {
      return root.querySelector('[data-reason-for="' + pick.question + "/" + pick.option.id + '"]').cloneNode(true);
    }));
    this.result.hidden = false;
    this.status.textContent = verdict.querySelector("h3").textContent + ". " + root.querySelector("[data-points]").textContent;
  };

  function start() {
    document.querySelectorAll("[data-checkup]").forEach(function (root) {
      if (!root._mvsCheckup) root._mvsCheckup = new Checkup(root);
    });
    document.querySelectorAll("[data-invest]").forEach(function (root) {
      if (!root._mvsInvest) root._mvsInvest = new Invest(root);
    });
  }

  function subscribe() {
    start();
    if (window.document$) window.document$.subscribe(start);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", subscribe);
  else subscribe();
})();
