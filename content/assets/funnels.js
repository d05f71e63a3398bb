/* Funnel charts: drawn at build time as SVG, made interactive with plotly.js when a reader shows intent.
 *
 * Every page with a chart (the funnel page, the worked examples, the simulator and the funnel check-up)
 * shows each chart as an inline SVG (macros/render/charts.py), which is also what prints and what
 * shows without JavaScript. plotly.js (our core + funnel bundle) loads only when a reader points at a
 * chart or comes near it, taps it, or focuses it or its widget's controls; never on scroll. It then
 * draws that chart's figure (data-figure) exactly over the SVG, which it hides: the layout is fixed in
 * charts.py so that the two match to the pixel, and plotly gets the colours and font the page's CSS
 * gives the SVG. Until plotly has loaded, the simulator (simulator.js) and the check-up (tools.js)
 * change a chart's numbers through window.mvsFunnel.updateChart, which redraws the SVG itself.
 * Everything starts from Material's document$, so it works after instant navigation, which also
 * purges the charts it leaves behind.
 */
(function () {
  "use strict";

  // Instant navigation runs this script again on each visit to a chart page: start once.
  if (window.mvsFunnel) return;

  // The one place that names the plotly.js bundle (macros/build/vendor.py copies it into assets/vendor/).
  var PLOTLY_SRC = new URL("vendor/plotly-funnel.min.js", document.currentScript.src).href;
  var PLOT_CONFIG = { displayModeBar: false, responsive: true };
  var PLOTS = ".mvs-chart__plot[data-figure]";
  // A chart, or a widget whose controls change a chart: focus or a tap in one draws its charts.
  var WIDGETS = ".mvs-chart, [data-simulator], [data-checkup]";
  var NEAR = 80; // px around a chart where a mouse or pen pointer counts as coming to it

  var plotlyPromise = null;
  var failed = false; // plotly.js failed to load on this page: keep the SVGs, try again on the next page
  var waiting = []; // this page's plots no reader has shown intent for yet
  var drawn = []; // plots plotly.js has drawn: purged once instant navigation has left them behind
  var pointer = null; // the last pointer position, checked against the waiting plots once a frame

  /* ---- plotly.js, once ---- */

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (failed) return Promise.reject(new Error("plotly.js did not load on this page"));
    if (!plotlyPromise) {
      plotlyPromise = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = PLOTLY_SRC;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () {
          plotlyPromise = null;
          failed = true;
          reject(new Error("plotly.js could not be loaded from " + PLOTLY_SRC));
        };
        document.head.appendChild(script);
      });
    }
    return plotlyPromise;
  }

  /* ---- Charts ---- */

  function figureOf(plot) {
    if (!plot._mvsFigure) plot._mvsFigure = JSON.parse(plot.getAttribute("data-figure"));
    return plot._mvsFigure;
  }

  function staticChart(plot) {
    return plot.parentNode.querySelector("svg.mvs-bars");
  }

  /* The figure with the font and colours the page's CSS gives the static chart, so the two look the same in
   * either palette. */
  function themedFigure(plot) {
    var figure = figureOf(plot);
    var svg = staticChart(plot);
    var text = getComputedStyle(svg.querySelector("text"));
    var font = { family: text.fontFamily, size: parseFloat(text.fontSize), color: text.fill };
    var layout = Object.assign({}, figure.layout, {
      font: Object.assign({}, figure.layout.font, font),
      yaxis: Object.assign({}, figure.layout.yaxis, { tickfont: font })
    });
    var inside = svg.querySelector(".mvs-bars__value--inside"); // a number on its bar, in the colour for that
    var onBar = { family: font.family, size: font.size };
    if (inside) onBar.color = getComputedStyle(inside).fill;
    var data = figure.data.map(function (trace) {
      var key = svg.querySelector(".mvs-owner--" + trace.meta);
      var colour = key ? getComputedStyle(key).fill : null;
      var marker = Object.assign({}, trace.marker, colour ? {
        color: colour, line: Object.assign({}, trace.marker.line, { color: colour })
      } : {});
      return Object.assign({}, trace, {
        marker: marker,
        outsidetextfont: Object.assign({}, trace.outsidetextfont, font),
        insidetextfont: Object.assign({}, trace.insidetextfont, onBar)
      });
    });
    return { data: data, layout: layout };
  }

  // A chart inside something hidden (the check-up's results before there are any) waits until it shows.
  function shown(plot) {
    return plot.isConnected && plot.parentNode.getClientRects().length > 0;
  }

  /* Draws a plot with plotly.js, loading it first; resolves to whether it drew. A failure leaves the static
   * chart in place. */
  function draw(plot) {
    plot._mvsWanted = true;
    if (!shown(plot)) return Promise.resolve(false);
    return loadPlotly().then(function (Plotly) {
      if (!shown(plot)) return false;
      var themed = themedFigure(plot);
      return Promise.resolve(Plotly.react(plot, themed.data, themed.layout, PLOT_CONFIG)).then(function () {
        if (!plot.isConnected) {
          Plotly.purge(plot);
          return false;
        }
        if (drawn.indexOf(plot) < 0) drawn.push(plot);
        if (!plot._mvsReadout) {
          plot._mvsReadout = true;
          plot.on("plotly_hover", function (event) { readOut(plot, event.points[0]); });
          plot.on("plotly_unhover", function () { readOut(plot, null); });
        }
        plot.parentNode.classList.add("is-drawn");
        plot.setAttribute("data-drawn", "true");
        return true;
      });
    }).catch(function (error) {
      if (window.console) window.console.warn("The chart stays as drawn at build time: " + error.message);
      return false;
    });
  }

  /* The line under a chart names the stage a pointer is on, with its people and shares (plotly's own hover
   * label would cover a wide bar); with no stage, it says how to get one. */
  function readOut(plot, point) {
    var line = plot.closest("figure").querySelector(".mvs-chart__readout");
    if (!line) return;
    if (!line._mvsHint) line._mvsHint = line.textContent;
    if (!point) {
      line.textContent = line._mvsHint;
      return;
    }
    var common = window.mvsCommon;
    var words = JSON.parse(line.getAttribute("data-readout"));
    var previous = point.customdata[0];
    var first = figureOf(plot).layout.yaxis.categoryarray[0] === point.y;
    var parts = [common.format(words.count, { stage: point.customdata[2], people: common.number(point.x) })];
    if (!first) parts.push(common.format(words.previous, { share: previous }));
    parts.push(common.format(words.top, { share: point.customdata[1] }));
    line.textContent = parts.join(" \u00b7 ");
  }

  function want(plot) {
    var at = waiting.indexOf(plot);
    if (at >= 0) waiting.splice(at, 1);
    if (!plot._mvsWanted) draw(plot);
  }

  /* ---- Intent ---- */

  // Focus or a tap in a chart, the simulator or the check-up draws the charts there.
  function intentIn(target) {
    var root = target && target.closest ? target.closest(WIDGETS) : null;
    if (root) root.querySelectorAll(PLOTS).forEach(want);
  }

  // A pointer on a chart's figure, or within NEAR px of it.
  function intentNear(x, y) {
    waiting.slice().forEach(function (plot) {
      var box = (plot.closest("figure") || plot.parentNode).getBoundingClientRect();
      if (x >= box.left - NEAR && x <= box.right + NEAR && y >= box.top - NEAR && y <= box.bottom + NEAR) want(plot);
    });
  }

  function checkPointer() {
    var at = pointer;
    pointer = null;
    if (at) intentNear(at[0], at[1]);
  }

  function onPointerMove(event) {
    if (event.pointerType === "touch" || !waiting.length) return; // a finger moving is a scroll, not intent
    if (!pointer) window.requestAnimationFrame(checkPointer);
    pointer = [event.clientX, event.clientY];
  }

  function onTap(event) {
    if (!waiting.length) return;
    intentIn(event.target);
    var touch = event.touches ? event.touches[0] : event;
    if (touch) intentNear(touch.clientX, touch.clientY);
  }

  document.addEventListener("pointermove", onPointerMove, { passive: true });
  document.addEventListener("pointerdown", onTap, { passive: true, capture: true });
  document.addEventListener("touchstart", onTap, { passive: true, capture: true });
  document.addEventListener("focusin", function (event) {
    if (waiting.length) intentIn(event.target);
  });

  /* ---- Pages ---- */

  // On each page (the first, and each instant navigation): purge the charts the last page left behind (their
  // resize listeners and plotly's state with them), and watch this page's.
  function onPage() {
    failed = false;
    drawn = drawn.filter(function (plot) {
      if (plot.isConnected) return true;
      if (window.Plotly) window.Plotly.purge(plot);
      return false;
    });
    waiting = Array.prototype.filter.call(document.querySelectorAll(PLOTS), function (plot) {
      return !plot._mvsWanted;
    });
  }

  function redrawOnPaletteChange() {
    new MutationObserver(function () {
      drawn.forEach(function (plot) { if (plot.isConnected) draw(plot); });
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  }

  /* ---- New numbers (the simulator, the check-up) ---- */

  // A length across the chart: `share` of its width plus `px`, written as charts.py's length() writes it.
  function trimmed(value) {
    var text = value.toFixed(4).replace(/0+$/, "").replace(/\.$/, "");
    return text === "-0" ? "0" : text;
  }

  function length(share, px) {
    var pct = trimmed(share * 100) + "%";
    if (Math.abs(px || 0) < 0.00005) return pct;
    return "calc(" + pct + " " + (px < 0 ? "-" : "+") + " " + trimmed(Math.abs(px)) + "px)";
  }

  // A bar's x and width and where its number starts, as charts.py's bar_geometry() places them.
  function barGeometry(count, half, g) {
    var share = count / half / 2;
    var inside = share >= g.inside;
    var sides = g.l + g.r;
    var across = function (at, offset) { return [at, g.l - at * sides + (offset || 0)]; };
    var left = across(0.5 - share / 2);
    var right = across(0.5 + share / 2, inside ? -g.textpad : g.textpad);
    var width = [share, -share * sides];
    var style = left[1] || width[1] ? "x: " + length(left[0], left[1]) + "; width: " + length(width[0], width[1]) : "";
    return {
      x: length(left[0]), width: length(width[0]), style: style, textX: length(right[0]), textDx: trimmed(right[1]),
      inside: inside
    };
  }

  /* New counts for a chart: its figure (drawn again if plotly has drawn it or a reader has asked for it), its
   * static SVG and its table. Callers load common.js first. */
  function updateChart(chart, counts, stages) {
    var common = window.mvsCommon;
    var percent = common.percent;
    var plot = chart.querySelector(".mvs-chart__plot");
    var figure = figureOf(plot);
    var xs = counts.map(common.whole);
    var svg = staticChart(plot);
    var geometry = JSON.parse(svg.getAttribute("data-geometry"));
    var half = Math.max(Math.max.apply(null, xs), 1) * geometry.room / 2;
    figure.layout.xaxis.range = [-half, half];
    var places = xs.map(function (count) { return barGeometry(count, half, geometry); });
    figure.data.forEach(function (trace) {
      var idx = [];
      stages.forEach(function (stage, i) { if (stage.owner === trace.meta) idx.push(i); });
      trace.x = idx.map(function (i) { return xs[i]; });
      trace.textposition = idx.map(function (i) { return places[i].inside ? "inside" : "outside"; });
      trace.customdata = idx.map(function (i, k) {
        return [i === 0 ? "\u2014" : percent(counts[i] / counts[i - 1]), percent(counts[i] / counts[0]), trace.y[k]];
      });
    });
    var rows = svg.querySelectorAll(".mvs-bars__row");
    var cells = chart.querySelectorAll("tbody tr");
    // Each stage's name and owner, then (after the top) the share of the stage before, as charts.py writes it.
    var bases = JSON.parse(svg.getAttribute("data-labels"));
    var labels = bases.map(function (base, i) {
      if (i === 0) return base;
      var share = counts[i - 1] > 0 ? counts[i] / counts[i - 1] : 0;
      return common.format(svg.getAttribute("data-share-label"), { label: base, share: percent(share) });
    });
    figure.layout.yaxis.ticktext = labels;
    xs.forEach(function (count, i) {
      var place = places[i];
      var bar = rows[i].querySelector(".mvs-bars__bar");
      bar.setAttribute("x", place.x);
      bar.setAttribute("width", place.width);
      if (place.style) bar.setAttribute("style", place.style);
      else bar.removeAttribute("style");
      var value = rows[i].querySelector(".mvs-bars__value");
      value.setAttribute("x", place.textX);
      value.setAttribute("dx", place.textDx);
      value.classList.toggle("mvs-bars__value--inside", place.inside);
      value.textContent = common.number(count);
      rows[i].querySelector(".mvs-bars__label").textContent = labels[i];
      var top = counts[0] > 0 ? counts[i] / counts[0] : 0;
      var previous = i === 0 ? null : (counts[i - 1] > 0 ? counts[i] / counts[i - 1] : 0);
      var td = cells[i].querySelectorAll("td");
      td[1].textContent = common.number(counts[i]);
      td[2].textContent = previous === null ? "\u2014" : percent(previous);
      td[3].textContent = percent(top);
    });
    if (plot._mvsWanted) draw(plot);
  }

  /* ---- Start ---- */

  // On a first page load this script runs inside the content, before Material's bundle has
  // created document$: subscribe once the document is parsed, so later instant navigations
  // (to another chart page) start their charts too.
  function subscribe() {
    if (window.document$) window.document$.subscribe(onPage);
    else onPage();
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
    updateChart: updateChart, draw: draw, simulate: shared("simulate"), compare: shared("compare"),
    percent1dp: shared("percent1dp")
  };
  // Scripts a widget needs may arrive in any order after instant navigation: tell the widgets waiting for this one.
  document.dispatchEvent(new Event("mvs:loaded"));
})();
