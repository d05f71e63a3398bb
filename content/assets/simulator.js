/* The funnel simulator: a reader's own funnel, its chart, and where extra effort pays more.
 *
 * Its config (data-simulator) holds the stages, the worked examples, the limits and the messages
 * (data/funnels.yml, data/interface.yml). It needs common.js (the arithmetic, mirroring
 * macros/data/funnel_math.py, and format) and funnels.js (updateChart, which redraws the chart drawn at
 * build time until plotly.js has loaded, then the plotly chart); after instant navigation the three may
 * arrive in any order, so it starts once both are there. Everything starts from Material's document$,
 * so it works after instant navigation, which also cancels a pending announcement.
 */
(function () {
  "use strict";

  // Instant navigation runs this script again on each visit to the simulator's page: start once.
  if (window.mvsSimulator) return;
  window.mvsSimulator = true;

  var common = null; // window.mvsCommon, once it is loaded

  function Simulator(root) {
    this.root = root;
    this.config = JSON.parse(root.getAttribute("data-simulator"));
    this.messages = this.config.messages;
    this.form = root.querySelector("form");
    this.chart = root.querySelector(".mvs-chart");
    this.announceTimer = null;
    this.state = this.exampleState(this.config.default);
    this.defaults = Object.assign({}, this.state);
    this.readUrl();
    this.bind();
    root.querySelector("[data-compare]").hidden = false;
    root.querySelector("[data-share]").hidden = false;
    this.render({ announce: false, fields: true });
  }

  Simulator.prototype.stageIds = function () {
    return this.config.stages.map(function (s) { return s.id; });
  };

  Simulator.prototype.exampleState = function (id) {
    var example = this.config.examples.filter(function (e) { return e.id === id; })[0];
    var counts = example.counts;
    var rates = common.ratesFromCounts(counts).map(common.percent1dp);
    return { reach: counts[0], rates: rates, sale: example.averageSale, x: 10, mode: "relative" };
  };

  /* Checks for the number fields: the link's values and what a reader types pass the same ones. */
  Simulator.prototype.valid = function (key, v) {
    var config = this.config;
    if (key === "reach") return Number.isInteger(v) && v >= 1 && v <= config.maxReach;
    if (key === "sale") return isFinite(v) && v >= 0 && v <= config.maxSale;
    return Number.isInteger(v) && v >= 1 && v <= config.maxImprovement;
  };

  Simulator.prototype.readUrl = function () {
    var params = new URLSearchParams(window.location.search);
    var ids = this.stageIds();
    var state = this.state;
    var self = this;
    [[ids[0], "reach"], ["sale", "sale"], ["x", "x"]].forEach(function (pair) {
      var value = Number(params.get(pair[0]));
      if (params.has(pair[0]) && self.valid(pair[1], value)) state[pair[1]] = value;
    });
    ids.slice(1).forEach(function (id, i) {
      var rate = Number(params.get(id));
      if (params.has(id) && isFinite(rate) && rate >= 0 && rate <= 100) state.rates[i] = Math.round(rate * 10) / 10;
    });
    if (params.get("mode") === "points" || params.get("mode") === "relative") state.mode = params.get("mode");
  };

  Simulator.prototype.url = function () {
    var params = new URLSearchParams(window.location.search);
    var ids = this.stageIds();
    var state = this.state;
    params.set(ids[0], String(state.reach));
    ids.slice(1).forEach(function (id, i) { params.set(id, String(state.rates[i])); });
    params.set("sale", String(state.sale));
    params.set("x", String(state.x));
    params.set("mode", state.mode);
    return window.location.pathname + "?" + params.toString() + "#simulator";
  };

  Simulator.prototype.field = function (name) {
    return this.form.elements.namedItem(name);
  };

  Simulator.prototype.bind = function () {
    var self = this;
    var ids = this.stageIds();
    var config = this.config;
    var errors = this.messages.errors;
    ids.slice(1).forEach(function (id, i) {
      self.field(id).addEventListener("input", function (event) {
        self.state.rates[i] = Number(event.target.value);
        self.render({ announce: true });
      });
    });
    this.bindNumber(this.field(ids[0]), "reach", common.format(errors.reach, { max: common.number(config.maxReach) }));
    this.bindNumber(this.field("sale"), "sale", common.format(errors.sale, { max: common.number(config.maxSale) }));
    this.bindNumber(this.root.querySelector("#sim-x"), "x",
      common.format(errors.improvement, { max: common.number(config.maxImprovement) }));
    this.root.querySelector("#sim-mode").addEventListener("change", function (event) {
      self.state.mode = event.target.value;
      self.render({ announce: true });
    });
    this.root.querySelectorAll("[data-preset]").forEach(function (button) {
      button.addEventListener("click", function () {
        self.state = self.exampleState(button.getAttribute("data-preset"));
        self.render({ announce: true, fields: true });
      });
    });
    this.root.querySelector("[data-reset]").addEventListener("click", function () {
      self.state = Object.assign({}, self.defaults, { rates: self.defaults.rates.slice() });
      self.render({ announce: true, fields: true });
    });
    this.root.querySelector("[data-copy]").addEventListener("click", function () {
      var link = self.root.querySelector("[data-share-link]").href;
      var status = self.root.querySelector("[data-copied]");
      var messages = self.messages;
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(link).then(function () {
          status.textContent = messages.copied;
        }, function () {
          status.textContent = messages.copy_failed;
        });
      } else {
        status.textContent = messages.copy_unavailable;
      }
    });
  };

  Simulator.prototype.bindNumber = function (input, key, message) {
    var self = this;
    var error = this.root.querySelector("[data-error-for='" + (key === "reach" ? this.stageIds()[0] : key) + "']");
    input.addEventListener("input", function () {
      var text = input.value.trim();
      var value = Number(text);
      if (text === "" || !isFinite(value) || !self.valid(key, value)) {
        input.setAttribute("aria-invalid", "true");
        error.textContent = message;
        return;
      }
      input.removeAttribute("aria-invalid");
      error.textContent = "";
      self.state[key] = value;
      self.render({ announce: true });
    });
  };

  Simulator.prototype.rates = function () {
    return this.state.rates.map(function (r) { return r / 100; });
  };

  Simulator.prototype.render = function (options) {
    var state = this.state;
    var config = this.config;
    var ids = this.stageIds();
    if (options.fields) {
      this.field(ids[0]).value = String(state.reach);
      this.field("sale").value = String(state.sale);
      this.root.querySelector("#sim-x").value = String(state.x);
      this.root.querySelector("#sim-mode").value = state.mode;
      this.form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
      this.root.querySelectorAll("[data-error-for]").forEach(function (el) { el.textContent = ""; });
    }
    var self = this;
    ids.slice(1).forEach(function (id, i) {
      var input = self.field(id);
      if (options.fields || Number(input.value) !== state.rates[i]) input.value = String(state.rates[i]);
      input.setAttribute("aria-valuetext", state.rates[i] + "%");
      self.root.querySelector("[data-output-for='" + id + "']").textContent = state.rates[i] + "%";
    });

    var result = common.compare(state.reach, this.rates(), state.sale, state.x, state.mode);
    var base = result.base;
    var totals = common.format(this.messages.totals, {
      customers: common.number(base.customers), revenue: common.money(base.revenue, config.currency),
      reach: common.number(state.reach)
    });
    window.mvsFunnel.updateChart(this.chart, base.counts, config.stages);
    this.showComparison(result);

    var totalsEl = this.root.querySelector("[data-totals]");
    if (options.announce) {
      clearTimeout(this.announceTimer);
      this.announceTimer = setTimeout(function () {
        self.announceTimer = null;
        totalsEl.textContent = totals;
      }, 250);
      var url = this.url();
      window.history.replaceState(window.history.state, "", url);
      this.root.querySelector("[data-share-link]").href = url;
    } else {
      totalsEl.textContent = totals;
      this.root.querySelector("[data-share-link]").href = this.url();
    }
  };

  Simulator.prototype.showComparison = function (result) {
    var state = this.state;
    var messages = this.messages;
    var format = common.format;
    var percent = common.percent;
    var money = function (value) { return common.money(value, this.config.currency); }.bind(this);
    var base = result.base;
    var close = this.rates()[this.rates().length - 1];
    var gainReach = result.moreReach.revenue - base.revenue;
    var gainClose = result.betterClose.revenue - base.revenue;
    this.root.querySelector("[data-option='reach']").textContent = format(messages.reach_option, {
      x: state.x, reach: common.number(state.reach * (1 + state.x / 100)),
      customers: common.number(result.moreReach.customers), revenue: money(result.moreReach.revenue),
      gain: money(gainReach)
    });
    this.root.querySelector("[data-option='close']").textContent = format(messages.close_option, {
      rise: format(state.mode === "relative" ? messages.rise_relative : messages.rise_points, { x: state.x }),
      before: percent(close), after: percent(result.closeRateAfter),
      customers: common.number(result.betterClose.customers), revenue: money(result.betterClose.revenue),
      gain: money(gainClose)
    });

    var verdicts = messages.verdicts;
    var verdict;
    if (base.revenue === 0) {
      verdict = verdicts.no_customers;
    } else if (Math.abs(gainReach - gainClose) < 0.5) {
      verdict = format(verdicts.same, { x: state.x });
    } else if (gainClose > gainReach) {
      verdict = format(verdicts.close, {
        gain_close: money(gainClose), gain_reach: money(gainReach), x: state.x, close: percent(close),
        more_deals: percent(result.closeRateAfter / close - 1)
      });
    } else {
      verdict = format(verdicts.reach, { gain_reach: money(gainReach), gain_close: money(gainClose), close: percent(close) });
    }
    this.root.querySelector("[data-verdict]").textContent = verdict;
  };

  /* ---- Start ---- */

  var running = []; // the simulators started, until instant navigation leaves them behind

  // Starts every simulator on the page once common.js and funnels.js are there too; on each page, stops those
  // of the page before (a pending announcement would otherwise fire after the reader has left).
  function start() {
    running = running.filter(function (simulator) {
      if (simulator.root.isConnected) return true;
      clearTimeout(simulator.announceTimer);
      return false;
    });
    if (!window.mvsCommon || !window.mvsFunnel) return;
    common = window.mvsCommon;
    document.querySelectorAll("[data-simulator]").forEach(function (root) {
      if (root._mvsSimulatorQueued) return;
      root._mvsSimulatorQueued = true;
      // In a task of its own: on a cheap phone, starting it in the theme's start-up task made that one long.
      setTimeout(function () {
        if (!root.isConnected) return;
        root._mvsSimulator = new Simulator(root);
        running.push(root._mvsSimulator);
      });
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
