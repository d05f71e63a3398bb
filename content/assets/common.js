/* Shared by the widgets: messages with placeholders, and the funnel arithmetic.
 *
 * format() fills a message from data/interface.yml, which each widget receives in its config
 * (a data- attribute): "Enter at least {min}." with {min: "1"} -> "Enter at least 1.".
 * The arithmetic is the one copy in JavaScript of macros/data/funnel_math.py; the unit tests run
 * both on the same inputs. The funnel charts (funnels.js), the simulator (simulator.js), the
 * check-up (tools.js) and the quizzes (quizzes.js) use it: as window.mvsCommon in the browser,
 * through require() in Node.
 */
(function () {
  "use strict";

  /* ---- Messages ---- */

  /* Each {name} in `message` replaced by values[name]; placeholders without a value stay as they are. */
  function format(message, values) {
    return String(message).replace(/\{([^{}]*)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  }

  /* ---- Arithmetic (mirrors macros/data/funnel_math.py) ---- */

  /* Round half up, as Python's funnel_math.whole does. */
  function whole(value) {
    return Math.floor(value + 0.5);
  }

  /* A rate as a percentage with one decimal, rounded half up. */
  function percent1dp(rate) {
    return whole(rate * 1000) / 10;
  }

  /* Conversion into each stage after the top, as a fraction of the stage before (0 after an empty stage). */
  function ratesFromCounts(counts) {
    return counts.slice(1).map(function (count, i) {
      return counts[i] > 0 ? count / counts[i] : 0;
    });
  }

  /* People at each stage, from the top count and the conversion rates. */
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

  /* The close rate after raising it by x: "relative" (x% of itself) or "points" (x percentage points). */
  function raisedCloseRate(close, x, mode) {
    var raised = mode === "relative" ? close * (1 + x / 100) : close + x / 100;
    return Math.min(1, raised);
  }

  /* Raising marketing's reach by x percent against raising sales' close rate by x. */
  function compare(reach, rates, averageSale, x, mode) {
    var closeAfter = raisedCloseRate(rates[rates.length - 1], x, mode);
    return {
      base: simulate(reach, rates, averageSale),
      moreReach: simulate(reach * (1 + x / 100), rates, averageSale),
      betterClose: simulate(reach, rates.slice(0, -1).concat([closeAfter]), averageSale),
      closeRateAfter: closeAfter
    };
  }

  /* ---- Numbers as the pages write them ---- */

  /* 1234567.5 -> "1,234,567.5": digits grouped in threes with commas, as en-US writes them. Written out
   * rather than with Intl.NumberFormat, whose first use costs a cheap phone some 15 ms while the page starts. */
  function formatted(value) {
    var parts = String(Math.abs(value)).split(".");
    var grouped = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (value < 0 ? "-" : "") + grouped + (parts.length > 1 ? "." + parts[1] : "");
  }

  /* 12345.6 -> "12,346" */
  function number(value) {
    return formatted(whole(value));
  }

  /* (12345.6, "$") -> "$12,346" */
  function money(value, currency) {
    return currency + number(value);
  }

  /* 0.25 -> "25.0%", as the charts' tables write shares (Python: f"{share:.1%}"). */
  function percent(share) {
    return (share * 100).toFixed(1) + "%";
  }

  /* 0.25 -> "25%", 0.125 -> "12.5%": a rate with at most one decimal, as the check-up writes it. */
  function shortPercent(rate) {
    return formatted(percent1dp(rate)) + "%";
  }

  var api = {
    format: format, whole: whole, percent1dp: percent1dp, ratesFromCounts: ratesFromCounts,
    countsFromRates: countsFromRates, simulate: simulate, raisedCloseRate: raisedCloseRate, compare: compare,
    number: number, money: money, percent: percent, shortPercent: shortPercent
  };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }
  // Instant navigation runs this script again on each visit to a widget page: define it once.
  if (window.mvsCommon) return;
  window.mvsCommon = api;
  // After instant navigation a page's scripts may arrive in any order: tell the widgets waiting for this one.
  document.dispatchEvent(new Event("mvs:loaded"));
})();
