// npm run budget [-- --no-build]: builds the app, opens every public page type in Chromium
// and adds up the JavaScript the browser downloads for the first load, gzipped (as
// `next start` sends it). Fails when a page is above the budget.
import fs from "node:fs";
import zlib from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, testBrowserPath } from "../tests/helpers/chromium.ts";
import { resolvePublicPages } from "./lib/public-pages.ts";
import { buildIfAsked, serve } from "./lib/serve.ts";

const BUDGET_KB = 150;
const port = Number(process.env.BUDGET_PORT ?? 3190);

buildIfAsked(process.argv.slice(2));
const server = await serve(port, ".data/budget");
const browser = await chromium.launch({ executablePath: testBrowserPath(), args: CHROMIUM_ARGS });
const rows: { page: string; url: string; scripts: number; rawKb: number; gzipKb: number; ok: boolean }[] = [];
try {
  for (const { name, url } of await resolvePublicPages(server.base)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies: Promise<Buffer>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script" && response.ok()) bodies.push(response.body());
    });
    const response = await page.goto(server.base + url, { waitUntil: "networkidle" });
    if (!response || response.status() >= 400) throw new Error(`${url} answered ${response?.status()}`);
    const scripts = await Promise.all(bodies);
    const raw = scripts.reduce((sum, body) => sum + body.length, 0);
    const gzip = scripts.reduce((sum, body) => sum + zlib.gzipSync(body).length, 0);
    const gzipKb = gzip / 1024;
    rows.push({
      page: name,
      url,
      scripts: scripts.length,
      rawKb: +(raw / 1024).toFixed(1),
      gzipKb: +gzipKb.toFixed(1),
      ok: gzipKb <= BUDGET_KB,
    });
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}

console.log(`\nFirst-load JavaScript per public page (budget ${BUDGET_KB} KB gzipped)\n`);
console.table(
  rows.map(({ page, url, scripts, rawKb, gzipKb, ok }) => ({
    page,
    url,
    scripts,
    "raw KB": rawKb,
    "gzip KB": gzipKb,
    result: ok ? "PASS" : "FAIL",
  })),
);
fs.mkdirSync("reports", { recursive: true });
fs.writeFileSync(
  "reports/budget.json",
  JSON.stringify({ measuredAt: new Date().toISOString(), budgetKb: BUDGET_KB, pages: rows }, null, 2),
);
console.log("written to reports/budget.json");
const failed = rows.filter((row) => !row.ok);
if (failed.length > 0) {
  console.error(`over budget: ${failed.map((row) => row.page).join(", ")}`);
  process.exit(1);
}
