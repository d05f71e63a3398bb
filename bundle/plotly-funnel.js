// plotly.js for this site's charts: its core and the funnel trace, and nothing else.
//
// bundle/build.mjs bundles this file with esbuild into node_modules/.mvs/plotly-funnel.min.js, which
// sets window.Plotly like plotly's own bundles; the site build (macros/build/vendor.py) serves it.
//
// It is plotly.js/src/core.js (what plotly.js/lib/core loads) with fewer components. Those whose code
// plotly needs anyway stay registered, and so do shapes, which the legend needs. Those that only their
// registration would pull in, and that no funnel figure of this site uses, are left out: plotly asks
// for a component through Registry.getComponentMethod, which does nothing for a missing one.
// tests/browser/test_plotly_bundle.py draws every figure the site builds with this bundle, hovers,
// zooms and clicks the legend, and checks each figure with Plotly.validate, which names any attribute
// only a left-out component understands. Everything else (the API, scatter, the locale, the CSS) is
// core.js's. build.mjs fails if core.js registers a component this file neither registers nor leaves out.
//
// left out: annotations, annotations3d, images, updatemenus, sliders, rangeslider, rangeselector,
// left out: grid, errorbars, colorbar
"use strict";

exports.version = require("plotly.js/src/version").version;

// inject promise polyfill
require("native-promise-only");

// inject plot css
require("plotly.js/build/plotcss");

var Registry = require("plotly.js/src/registry");
var register = (exports.register = Registry.register);

var plotApi = require("plotly.js/src/plot_api");
var methodNames = Object.keys(plotApi);
for (var i = 0; i < methodNames.length; i++) {
  var name = methodNames[i];
  // _ -> private API methods, but still registered for internal use
  if (name.charAt(0) !== "_") exports[name] = plotApi[name];
  register({ moduleType: "apiMethod", name: name, fn: plotApi[name] });
}

// scatter is the only trace core.js includes
register(require("plotly.js/src/traces/scatter"));

// in core.js's order: the legend draws shapes' legend items too, and fx needs the legend
register([
  require("plotly.js/src/components/selections"),
  require("plotly.js/src/components/shapes"),
  require("plotly.js/src/components/colorscale"),
  require("plotly.js/src/components/legend"),
  require("plotly.js/src/components/fx"),
  require("plotly.js/src/components/modebar"),
]);

// locales en and en-US are required for default behavior
register([require("plotly.js/src/locale-en"), require("plotly.js/src/locale-en-us")]);

// locales that are present in the window should be loaded
if (window.PlotlyLocales && Array.isArray(window.PlotlyLocales)) {
  register(window.PlotlyLocales);
  delete window.PlotlyLocales;
}

exports.Icons = require("plotly.js/src/fonts/ploticon");

var Fx = require("plotly.js/src/components/fx");
var Plots = require("plotly.js/src/plots/plots");

exports.Plots = { resize: Plots.resize, graphJson: Plots.graphJson, sendDataToCloud: Plots.sendDataToCloud };
exports.Fx = { hover: Fx.hover, unhover: Fx.unhover, loneHover: Fx.loneHover, loneUnhover: Fx.loneUnhover };
exports.Snapshot = require("plotly.js/src/snapshot");
exports.PlotSchema = require("plotly.js/src/plot_api/plot_schema");

// the one trace the site draws
register([require("plotly.js/lib/funnel")]);
