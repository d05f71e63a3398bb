/* Funnel charts and the funnel simulator.
 *
 * Charts: each .mvs-chart__plot carries its figure in data-figure. plotly.js (the
 * self-hosted finance bundle) is loaded once, when the first chart nears the viewport.
 * Until then, and in print, the HTML bars drawn at build time stand in for the chart.
 *
 * Simulator: the arithmetic mirrors macros/funnel_math.py; the browser tests check the
 * two against each other. Everything starts from Material's document$, so it works
 * after instant navigation.
 */
(function () {
  "use strict";

  // Instant navigation runs this script again on each visit to a chart page: start once.
  if (window.mvsFunnel) return;

  var PLOTLY_SRC = new URL("vendor/plotly-finance.min.js", document.currentScript.src).href;
  var PLOT_CONFIG = { displayModeBar: false, responsive: true };
  var plotlyPromise = null;
  var observer = null;

  /* ---- Arithmetic (mirrors macros/funnel_math.py) ---- */

  function whole(value) {
    return Math.floor(value + 0.5);
  }

  function percent1dp(rate) {
    return whole(rate * 1000) / 10;
  }

  function countsFromRates(reach, rates) {
    var counts = [reach];
    rates.forEach(function (rate) { counts.push(counts[counts.length - 1] * rate); });
    return counts;
  }

  function simulate(reach, rates, averageSale) {
    var counts = countsFromRates(reach, rates);
    var customers = counts[counts.length - 1];
    return { counts: counts, customers: customers, revenue: customers * averageSale };
  }

  function raisedCloseRate(close, x, mode) {
    var raised = mode === "relative" ? close * (1 + x / 100) : close + x / 100;
    return Math.min(1, raised);
  }

  function compare(reach, rates, averageSale, x, mode) {
    var closeAfter = raisedCloseRate(rates[rates.length - 1], x, mode);
    return {
      base: simulate(reach, rates, averageSale),
      moreReach: simulate(reach * (1 + x / 100), rates, averageSale),
      betterClose: simulate(reach, rates.slice(0, -1).concat([closeAfter]), averageSale),
      closeRateAfter: closeAfter
    };
  }

  /* ---- Formatting ---- */

  function number(value) {
    return whole(value).toLocaleString("en-US");
  }

  function money(value, currency) {
    return currency + whole(value).toLocaleString("en-US");
  }

  function percent(share) {
    return (share * 100).toFixed(1) + "%";
  }

  /* ---- Charts ---- */

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotlyPromise) {
      plotlyPromise = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = PLOTLY_SRC;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () {
          plotlyPromise = null;
          reject(new Error("plotly.js could not be loaded from " + PLOTLY_SRC));
        };
        document.head.appendChild(script);
      });
    }
    return plotlyPromise;
  }

  function themedFigure(figure) {
    var style = getComputedStyle(document.body);
    var fg = style.getPropertyValue("--md-default-fg-color").trim() || "#000000";
    var layout = Object.assign({}, figure.layout, {
      font: Object.assign({}, figure.layout.font, { color: fg })
    });
    var data = figure.data.map(function (trace) {
      return Object.assign({}, trace, { outsidetextfont: { color: fg } });
    });
    return { data: data, layout: layout };
  }

  function figureOf(plot) {
    if (!plot._mvsFigure) plot._mvsFigure = JSON.parse(plot.getAttribute("data-figure"));
    return plot._mvsFigure;
  }

  function draw(plot) {
    return loadPlotly().then(function (Plotly) {
      var themed = themedFigure(figureOf(plot));
      return Plotly.react(plot, themed.data, themed.layout, PLOT_CONFIG);
    }).then(function () {
      plot.closest(".mvs-chart__frame").classList.add("is-drawn");
      plot.setAttribute("data-drawn", "true");
    });
  }

  function watchCharts() {
    if (observer) observer.disconnect();
    var plots = document.querySelectorAll(".mvs-chart__plot[data-figure]");
    if (!plots.length) return;
    if (!("IntersectionObserver" in window)) {
      plots.forEach(draw);
      return;
    }
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        draw(entry.target);
      });
    }, { rootMargin: "400px 0px" });
    plots.forEach(function (plot) { observer.observe(plot); });
  }

  function redrawOnPaletteChange() {
    new MutationObserver(function () {
      document.querySelectorAll(".mvs-chart__plot[data-drawn]").forEach(draw);
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  }

  /* A chart's figure, fallback bars and table, updated to new counts. */
  function updateChart(chart, counts, stages) {
    var plot = chart.querySelector(".mvs-chart__plot");
    var figure = figureOf(plot);
    figure.data.forEach(function (trace) {
      var idx = [];
      stages.forEach(function (stage, i) { if (stage.owner === trace.meta) idx.push(i); });
      trace.x = idx.map(function (i) { return whole(counts[i]); });
      trace.customdata = idx.map(function (i) {
        return [i === 0 ? "\u2014" : percent(counts[i] / counts[i - 1]), percent(counts[i] / counts[0])];
      });
    });
    if (plot.getAttribute("data-drawn")) draw(plot);
    var bars = chart.querySelectorAll(".mvs-bars__row");
    var rows = chart.querySelectorAll("tbody tr");
    counts.forEach(function (count, i) {
      var top = counts[0] > 0 ? count / counts[0] : 0;
      var previous = i === 0 ? null : (counts[i - 1] > 0 ? count / counts[i - 1] : 0);
      bars[i].querySelector(".mvs-bars__bar").style.width = Math.max(top * 100, 0.5).toFixed(1) + "%";
      var value = bars[i].querySelector(".mvs-bars__value");
      value.textContent = number(count) + value.textContent.slice(value.textContent.indexOf(" \u00b7"));
      var cells = rows[i].querySelectorAll("td");
      cells[1].textContent = number(count);
      cells[2].textContent = previous === null ? "\u2014" : percent(previous);
      cells[3].textContent = percent(top);
    });
  }

  /* ---- Simulator ---- */

  function Simulator(root) {
    this.root = root;
    this.config = JSON.parse(root.getAttribute("data-simulator"));
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
    var rates = counts.slice(1).map(function (c, i) { return percent1dp(c / counts[i]); });
    return { reach: counts[0], rates: rates, sale: example.averageSale, x: 10, mode: "relative" };
  };

  Simulator.prototype.readUrl = function () {
    var params = new URLSearchParams(window.location.search);
    var ids = this.stageIds();
    var state = this.state;
    var reach = Number(params.get(ids[0]));
    if (params.has(ids[0]) && Number.isInteger(reach) && reach >= 1 && reach <= this.config.maxReach) {
      state.reach = reach;
    }
    ids.slice(1).forEach(function (id, i) {
      var rate = Number(params.get(id));
      if (params.has(id) && isFinite(rate) && rate >= 0 && rate <= 100) state.rates[i] = Math.round(rate * 10) / 10;
    });
    var sale = Number(params.get("sale"));
    if (params.has("sale") && isFinite(sale) && sale >= 0 && sale <= 1e8) state.sale = sale;
    var x = Number(params.get("x"));
    if (params.has("x") && Number.isInteger(x) && x >= 1 && x <= 100) state.x = x;
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
    ids.slice(1).forEach(function (id, i) {
      self.field(id).addEventListener("input", function (event) {
        self.state.rates[i] = Number(event.target.value);
        self.render({ announce: true });
      });
    });
    this.bindNumber(this.field(ids[0]), "reach", function (v) {
      return Number.isInteger(v) && v >= 1 && v <= self.config.maxReach;
    }, "Enter a whole number from 1 to " + number(this.config.maxReach) + ".");
    this.bindNumber(this.field("sale"), "sale", function (v) {
      return v >= 0 && v <= 1e8;
    }, "Enter an amount from 0 to 100,000,000.");
    this.bindNumber(this.root.querySelector("#sim-x"), "x", function (v) {
      return Number.isInteger(v) && v >= 1 && v <= 100;
    }, "Enter a whole number from 1 to 100.");
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
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(link).then(function () {
          status.textContent = "Link copied.";
        }, function () {
          status.textContent = "Copying failed: copy the link above instead.";
        });
      } else {
        status.textContent = "Copying is not available here: copy the link above instead.";
      }
    });
  };

  Simulator.prototype.bindNumber = function (input, key, valid, message) {
    var self = this;
    var error = this.root.querySelector("[data-error-for='" + (key === "reach" ? this.stageIds()[0] : key) + "']");
    input.addEventListener("input", function () {
      var text = input.value.trim();
      var value = Number(text);
      if (text === "" || !isFinite(value) || !valid(value)) {
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

    var result = compare(state.reach, this.rates(), state.sale, state.x, state.mode);
    var base = result.base;
    var totals = number(base.customers) + " customers and " + money(base.revenue, config.currency) +
      " in revenue from " + number(state.reach) + " people reached.";
    updateChart(this.chart, base.counts, config.stages);
    this.showComparison(result);

    var totalsEl = this.root.querySelector("[data-totals]");
    if (options.announce) {
      clearTimeout(this.announceTimer);
      this.announceTimer = setTimeout(function () { totalsEl.textContent = totals; }, 250);
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
    var currency = this.config.currency;
    var base = result.base;
    var close = this.rates()[this.rates().length - 1];
    var gainReach = result.moreReach.revenue - base.revenue;
    var gainClose = result.betterClose.revenue - base.revenue;
    var rise = state.mode === "relative" ? state.x + "%" : state.x + " percentage points";
    this.root.querySelector("[data-option='reach']").textContent =
      "Reach " + state.x + "% more people (" + number(state.reach * (1 + state.x / 100)) + "): " +
      number(result.moreReach.customers) + " customers, " + money(result.moreReach.revenue, currency) +
      " in revenue (+" + money(gainReach, currency) + ").";
    this.root.querySelector("[data-option='close']").textContent =
      "Raise the close rate by " + rise + " (" + percent(close) + " to " + percent(result.closeRateAfter) + "): " +
      number(result.betterClose.customers) + " customers, " + money(result.betterClose.revenue, currency) +
      " in revenue (+" + money(gainClose, currency) + ").";

    var verdict;
    if (base.revenue === 0) {
      verdict = "With no customers at the bottom of the funnel, neither change adds revenue: " +
        "first find the stage where everyone drops out.";
    } else if (Math.abs(gainReach - gainClose) < 0.5) {
      verdict = "Both add the same revenue. Every stage of a funnel multiplies, so " + state.x +
        "% more at the top and " + state.x + "% more at the close both give " + state.x +
        "% more customers. The better choice is the one that costs less to achieve.";
    } else if (gainClose > gainReach) {
      verdict = "Raising the close rate moves revenue more here (+" + money(gainClose, currency) + " against +" +
        money(gainReach, currency) + "). Adding " + state.x + " points to a close rate of " + percent(close) +
        " means " + percent(result.closeRateAfter / close - 1) + " more closed deals, while " + state.x +
        "% more reach means " + state.x + "% more. A percentage point is worth more when the rate is low.";
    } else {
      verdict = "Reaching more people moves revenue more here (+" + money(gainReach, currency) + " against +" +
        money(gainClose, currency) + "). A close rate cannot pass 100%, so at " + percent(close) +
        " it has less room to grow than the number of people you reach.";
    }
    this.root.querySelector("[data-verdict]").textContent = verdict;
  };

  /* ---- Start ---- */

  function start() {
    watchCharts();
    document.querySelectorAll("[data-simulator]").forEach(function (root) {
      if (!root._mvsSimulator) root._mvsSimulator = new Simulator(root);
    });
  }

  // On a first page load this script runs inside the content, before Material's bundle has
  // created document$: subscribe once the document is parsed, so later instant navigations
  // (to another chart page) start their charts too.
  function subscribe() {
    if (window.document$) window.document$.subscribe(start);
    else start();
  }

  redrawOnPaletteChange();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", subscribe);
  } else {
    subscribe();
  }

  window.mvsFunnel = { simulate: simulate, compare: compare, percent1dp: percent1dp, updateChart: updateChart };
})();
