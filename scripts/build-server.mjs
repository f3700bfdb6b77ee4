// Part of `npm run build`: compiles the production server (server.ts) and the start-up
// step (prisma/prepare.ts) to plain JavaScript in dist/, so `npm start` runs no
// TypeScript compiler (tsx) at run time. Packages stay in node_modules (external); the
// app's own lib/ modules are bundled in. See docs/decisions/0026-production-process.md.
import * as esbuild from "esbuild";

// `--outdir <dir>` compiles elsewhere (prisma/prepare.test.ts checks a compiled start-up without touching dist/).
const flag = process.argv.indexOf("--outdir");
const outdir = flag === -1 ? "dist" : process.argv[flag + 1];

const started = performance.now();
await esbuild.build({
  entryPoints: { server: "server.ts", prepare: "prisma/prepare.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
  // `server-only` throws outside React's server condition; these files are the server.
  alias: { "server-only": "./scripts/lib/empty-module.mjs" },
  // Bundled CommonJS helpers (the generated Prisma client) need require() in an ES module.
  banner: { js: "import { createRequire as __ksbbRequire } from 'node:module'; const require = __ksbbRequire(import.meta.url);" },
});
console.log(`[build] ${outdir}/server.mjs and ${outdir}/prepare.mjs in ${Math.round(performance.now() - started)} ms`);
