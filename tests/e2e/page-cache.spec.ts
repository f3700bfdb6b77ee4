import { expect, test, type Page, type Response } from "@playwright/test";
import { authFile, unique } from "./support/accounts.ts";

// The guest page cache of the production server (lib/http/page-cache.ts, on in `npm start`
// for 5 s): a guest's repeat visit is answered from it with a fresh nonce, and the page
// still runs under its Content-Security-Policy; a signed-in visitor never gets it.

const nonceOf = (response: Response | null) => /'nonce-([^']+)'/.exec(response?.headers()["content-security-policy"] ?? "")?.[1] ?? "";

/** Every CSP violation the page reports, from its first script on. */
async function watchPolicy(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const w = window as unknown as { __violations?: string[] };
      (w.__violations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return async () => [...problems, ...(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []))];
}

test("a guest's second visit comes from the cache with a fresh nonce, and the page still works", { tag: "@smoke" }, async ({ page }) => {
  const violations = await watchPolicy(page);
  // A search of its own gives this test a page of its own, so that other tests' visits (the
  // suite runs in parallel) cannot have filled the cache for it already. (A made-up
  // parameter would not: the cache key holds only the parameters the page reads.)
  const path = `/kebutuhan?q=${unique()}`;

  // The cache keeps a page 5 s: the second visit follows the first answer at once, without
  // waiting for the first page's scripts and images to load (seconds on a busy machine).
  const first = await page.goto(path, { waitUntil: "commit" });
  expect(first?.status()).toBe(200);
  expect(first?.headers()["x-page-cache"]).toBe("MISS");
  const firstBody = await first!.text();

  const second = await page.goto(path);
  expect(second?.status()).toBe(200);
  expect(second?.headers()["x-page-cache"]).toBe("HIT");
  const [old, fresh] = [nonceOf(first), nonceOf(second)];
  expect(old).not.toBe("");
  expect(fresh).not.toBe("");
  expect(fresh).not.toBe(old);
  const secondBody = await second!.text();
  expect(secondBody).toContain(`nonce="${fresh}"`);
  expect(secondBody).not.toContain(old);
  expect(secondBody.split(fresh).length).toBe(firstBody.split(old).length);
  for (const value of Object.values(second!.headers())) expect(value).not.toContain(old);

  // The browser runs the page's scripts under the new nonce: they carry it, nothing is
  // refused, and the client components come alive.
  const scriptNonces = await page.evaluate(() => [...document.scripts].map((script) => script.nonce).filter(Boolean));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([fresh]));
  await expect(page.getByRole("heading", { level: 1, name: "Daftar kebutuhan" })).toBeVisible();
  await expect(page.getByRole("search")).toHaveAttribute("data-enhanced", "true");
  // With JavaScript, choosing a filter applies it at once (a client-side navigation).
  await page.getByText("Saringan program, wilayah dan status").click();
  await page.getByLabel("Kota/Kabupaten").selectOption({ label: "Kota Administrasi Jakarta Pusat" });
  await expect(page).toHaveURL(/kota=31\.71/);
  await expect(page.getByRole("search")).toHaveAttribute("data-enhanced", "true");

  // The language switch: the page turns English, and the cached Indonesian page is not
  // what this guest gets any more.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Needs" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const english = await page.goto(path);
  expect(english?.headers()["x-page-cache"]).toBe("MISS");
  await expect(page.getByRole("heading", { level: 1, name: "Needs" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const englishAgain = await page.goto(path);
  expect(englishAgain?.headers()["x-page-cache"]).toBe("HIT");
  await expect(page.getByRole("heading", { level: 1, name: "Needs" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("search")).toHaveAttribute("data-enhanced", "true");

  expect(await violations()).toEqual([]);
});

test.describe("signed in", () => {
  // The demo donor's stored session (tests/e2e/auth.setup.ts): signing in through the UI here
  // (a password hash on a busy server) once took this test past its timeout.
  test.use({ storageState: authFile("donor") });

  test("a signed-in donor never gets the guests' cached catalogue", async ({ page, browser, baseURL }) => {
    // A guest: an empty storage state, or the context would take the donor's from test.use.
    const guest = await (await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } })).newPage();

    // A guest has just filled the cache for the catalogue.
    await expect.poll(async () => (await guest.goto("/kebutuhan"))?.headers()["x-page-cache"]).toBe("HIT");
    await expect(guest.getByRole("link", { name: "Masuk", exact: true })).toBeVisible();

    for (let visit = 0; visit < 3; visit++) {
      const response = await page.goto("/kebutuhan");
      expect(response?.status()).toBe(200);
      expect(response?.headers()["x-page-cache"]).toBeUndefined();
      await expect(page.getByRole("heading", { level: 1, name: "Daftar kebutuhan" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Akun saya" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Keluar", exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: "Masuk", exact: true })).toHaveCount(0);
    }

    // Nor is the donor's page kept for guests.
    await guest.goto("/kebutuhan");
    await expect(guest.getByRole("link", { name: "Masuk", exact: true })).toBeVisible();
    await expect(guest.getByRole("button", { name: "Keluar", exact: true })).toHaveCount(0);
    await guest.context().close();
  });
});
