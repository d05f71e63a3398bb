/* Funnel charts: drawn with plotly.js, for every page with a chart (the funnel page, the worked
 * examples, the simulator and the funnel check-up).
 *
 * Each .mvs-chart__plot carries its figure in data-figure. plotly.js (the self-hosted finance
 * bundle) is loaded once, when the first chart nears the viewport. Until then, and in print, the
 * HTML bars drawn at build time stand in for the chart. The simulator (simulator.js) and the
 * check-up (tools.js) change a chart's numbers through window.mvsFunnel.updateChart.
 * Everything starts from Material's document$, so it works after instant navigation.
 */
(function () {
  "use strict";

  // Instant navigation runs this script again on each visit to a chart page: start once.
  if (window.mvsFunnel) return;

  var PLOTLY_SRC = new URL("vendor/plotly-funnel.min.js", document.currentScript.src).href;
  var PLOT_CONFIG = { displayModeBar: false, responsive: true };
  var plotlyPromise = null;
  var observer = null;

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

  /* A chart's figure, fallback bars and table, updated to new counts (callers load common.js first). */
  function updateChart(chart, counts, stages) {
    var common = window.mvsCommon;
    var whole = common.whole;
    var number = common.number;
    var percent = common.percent;
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

  /* ---- Start ---- */

  // On a first page load this script runs inside the content, before Material's bundle has
  // created document$: subscribe once the document is parsed, so later instant navigations
  // (to another chart page) start their charts too.
  function subscribe() {
    if (window.document$) window.document$.subscribe(watchCharts);
    else watchCharts();
  }

  redrawOnPaletteChange();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", subscribe);
  } else {
    subscribe();
  }

  // The arithmetic lives in common.js; simulate and compare stay here too, for the browser tests.
  function shared(name) {
    return function () { return window.mvsCommon[name].apply(null, arguments); };
  }

  window.mvsFunnel = {
    updateChart: updateChart, simulate: shared("simulate"), compare: shared("compare"), percent1dp: shared("percent1dp")
  };
  // Scripts a widget needs may arrive in any order after instant navigation: tell the widgets waiting for this one.
  document.dispatchEvent(new Event("mvs:loaded"));
})();
