// Build plotly.js core + funnel (bundle/plotly-funnel.js), minified, into the file given as the first
// argument: `make setup` gives node_modules/.mvs/plotly-funnel.min.js, which the site build copies.
//
// `make setup` runs it after `npm ci`. Offline (everything comes from node_modules) and reproducible:
// the esbuild and plotly.js pinned in package-lock.json give the same bytes on every run. The options
// follow plotly.js's own esbuild-config.js, less the plugins only its WebGL traces and CSS files need.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const require = createRequire(join(root, "package.json"));
const entry = join(here, "plotly-funnel.js");
const outfile = process.argv[2];
if (!outfile) {
  console.error("usage: node bundle/build.mjs OUTFILE (`make setup` gives it node_modules/.mvs/plotly-funnel.min.js)");
  process.exit(2);
}
const versionOf = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")).version;

// Every component plotly's core registers must be registered by the entry or named as left out, so
// an upgrade of plotly.js that adds or renames one stops here rather than in a reader's browser.
const core = readFileSync(require.resolve("plotly.js/src/core.js"), "utf8");
const ours = readFileSync(entry, "utf8");
const kept = [...ours.matchAll(/require\("plotly\.js\/src\/components\/(\w+)"\)/g)].map((m) => m[1]);
const leftOut = [...ours.matchAll(/^\/\/ left out: (.*)$/gm)].flatMap((m) => m[1].split(/,\s*/)).filter(Boolean);
const unnamed = [...core.matchAll(/require\('\.\/components\/(\w+)'\)/g)].map((m) => m[1])
  .filter((name) => !kept.includes(name) && !leftOut.includes(name));
if (unnamed.length) {
  console.error(`plotly.js/src/core.js registers ${unnamed.join(", ")}, which ${entry} neither registers nor leaves out`);
  process.exit(1);
}

// plotly requires all of culori; bundle/culori.mjs gives it the same functions, tree-shaken.
const culori = {
  name: "culori-tree-shaken",
  setup(b) {
    b.onResolve({ filter: /^culori$/ }, (args) =>
      args.importer.includes("/node_modules/plotly.js/") ? { path: join(here, "culori.mjs") } : undefined);
  },
};

// plotly's registry requires maplibre's stylesheet when a map trace registers; none ever does here.
const noMapStyles = {
  name: "no-map-styles",
  setup(b) {
    b.onResolve({ filter: /^maplibre-gl\/dist\/maplibre-gl\.css$/ }, () => ({ path: "maplibre-gl.css", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: "iife",
  globalName: "Plotly",
  platform: "browser",
  target: "es2016",
  minify: true,
  charset: "utf8",
  legalComments: "none",
  sourcemap: false,
  plugins: [culori, noMapStyles],
  define: { global: "window", "define.amd": "false", "process.env.NODE_DEBUG": "false" },
  banner: {
    js: `/*! plotly.js (core + funnel, minified) v${versionOf("plotly.js")}: bundle/plotly-funnel.js built`
      + ` with esbuild ${versionOf("esbuild")} | Copyright 2012-2026, Plotly, Inc. | MIT License */`,
  },
  logLevel: "warning",
  metafile: true,
});

const outputs = Object.keys(result.metafile.outputs);
if (outputs.length !== 1) {
  console.error(`expected one file, esbuild wrote ${outputs.join(", ")}`);
  process.exit(1);
}
const { bytes } = result.metafile.outputs[outputs[0]];
console.log(`plotly.js core + funnel: ${outfile} (${bytes.toLocaleString("en")} bytes)`);
