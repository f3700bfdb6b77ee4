// npm run screenshots [-- baseUrl]: full-page screenshots of the public pages in both
// languages, at 360 px and 1280 px, into tests/artifacts/screenshots/. For looking at
// what a change did; not a test.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/helpers/chromium.ts";

const base = process.argv[2] ?? "http://localhost:3000";
const pages = {
  home: "/",
  catalogue: "/kebutuhan",
  filtered: "/kebutuhan?kota=31.71&kecamatan=31.71.01",
  invalid: "/kebutuhan?page=-1&kelurahan=abc",
  need: "/kebutuhan/need_00001",
  missing: "/kebutuhan/does_not_exist",
};
const out = path.resolve("tests/artifacts/screenshots");
fs.mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const locale of ["id", "en"]) {
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: base }]);
    const page = await context.newPage();
    for (const [name, url] of Object.entries(pages)) {
      await page.goto(base + url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) console.warn(`${name} ${locale} ${width}px scrolls sideways by ${overflow}px`);
      await page.screenshot({ path: path.join(out, `${name}-${locale}-${width}.png`), fullPage: true });
      await page.screenshot({ path: path.join(out, `${name}-${locale}-${width}-top.png`) });
    }
    await context.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
