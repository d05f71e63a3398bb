// What plotly.js takes from culori (plotly.js/src/components/color/index.js), from culori's
// tree-shakable entry, with the colour spaces CSS names registered (culori/css), as culori's main
// entry registers them (plus some non-CSS spaces plotly never asks for). build.mjs points plotly's
// require("culori") here: about 32 KB less minified. plotly's own source notes the same TODO.
import "culori/css";

export { converter, formatHex, formatRgb, wcagContrast, wcagLuminance } from "culori/fn";
