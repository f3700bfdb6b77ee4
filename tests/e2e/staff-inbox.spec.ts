import { expect, test, type Locator, type Page } from "@playwright/test";
import { authFile } from "./support/accounts.ts";
import { seriousViolations } from "./support/axe.ts";

// The staff inbox, the first screen of /staf: pledges to review, deliveries to confirm and
// organisations to verify, each counted, longest waiting first. Every test runs in both
// languages, on a 360 px phone and a 1280 px screen. The demo data has deliveries that have
// waited for weeks, so the oldest ones lead the deliveries queue.

const TEXT = {
  id: {
    inbox: "Menunggu tindakan Anda",
    review: "Janji untuk ditinjau",
    deliveries: "Penyaluran untuk dikonfirmasi",
    organisations: "Organisasi untuk diverifikasi",
    coverage: "Cakupan per program dan wilayah",
    confirm: "Konfirmasi",
    confirmed: (reference: string) => `Penyaluran ${reference} dikonfirmasi.`,
    confirmedStatus: "Dikonfirmasi",
    select: (reference: string) => `Pilih ${reference}`,
    approve: "Setujui yang dipilih",
    approved: "1 janji diproses, 0 dilewati.",
    seeAll: /^Lihat semua/,
    waiting: /^menunggu (\d+ (hari|jam)|kurang dari 1 jam)$/,
  },
  en: {
    inbox: "Waiting for you",
    review: "Pledges to review",
    deliveries: "Deliveries to confirm",
    organisations: "Organisations to verify",
    coverage: "Coverage per program and area",
    confirm: "Confirm",
    confirmed: (reference: string) => `Delivery ${reference} confirmed.`,
    confirmedStatus: "Confirmed",
    select: (reference: string) => `Select ${reference}`,
    approve: "Approve selected",
    approved: "1 pledges processed, 0 skipped.",
    seeAll: /^See all/,
    waiting: /^waiting (\d+ (days?|hours?)|less than an hour)$/,
  },
} as const;

const numberIn = (text: string | null) => Number(text!.replace(/\D/g, ""));
const queue = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name}`) });
const countOf = async (region: Locator) => numberIn(await region.getByTestId(/-count$/).textContent());
const referenceOf = async (item: Locator) => (await item.getByRole("link", { name: /^KSBB-/ }).textContent())!.trim();

// The tests confirm and approve the oldest items: one at a time, so two never take the same one.
test.describe.configure({ mode: "default" });

for (const locale of ["id", "en"] as const) {
  for (const width of [360, 1280]) {
    const T = TEXT[locale];
    test.describe(`${locale}, ${width} px`, () => {
      // The demo staff member's stored session (tests/e2e/auth.setup.ts).
      test.use({ viewport: { width, height: width === 360 ? 800 : 900 }, storageState: authFile("staff") });

      test.beforeEach(async ({ page, baseURL }) => {
        await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
      });

      test("the inbox comes first, and staff confirm a delivery from it in at most two clicks", async ({ page }) => {
        await page.goto("/staf");
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        // The three queues come before the coverage figures (read once the streamed page is in, not its loading skeleton).
        await expect(page.getByRole("main").getByRole("heading", { level: 2, name: T.inbox })).toBeVisible();
        await expect(page.getByRole("main").getByRole("heading", { level: 2, name: T.coverage })).toBeVisible();
        const headings = await page.getByRole("main").getByRole("heading", { level: 2 }).allTextContents();
        expect(headings.indexOf(T.inbox)).toBe(0);
        expect(headings.indexOf(T.coverage)).toBe(1);
        for (const name of [T.review, T.deliveries, T.organisations]) await expect(queue(page, name)).toBeVisible();

        const deliveries = queue(page, T.deliveries);
        const items = deliveries.getByRole("listitem");
        await expect(items.first()).toBeVisible();
        const shown = await Promise.all((await items.all()).map(referenceOf));
        expect(shown.length).toBeGreaterThan(0);
        expect(shown.length).toBeLessThanOrEqual(5);
        await expect(items.first().locator("time")).toHaveText(T.waiting);

        // "See all" lists delivered pledges in the same order: the preview is its first page's top.
        const seeAll = deliveries.getByRole("link", { name: T.seeAll });
        await expect(seeAll).toHaveAttribute("href", "/staf/janji?status=DELIVERED");
        expect(numberIn(await seeAll.textContent())).toBe(await countOf(deliveries));
        await page.goto("/staf/janji?status=DELIVERED");
        await expect(page.getByRole("main").getByRole("article").first()).toBeVisible();
        const listed = await page
          .getByRole("main")
          .getByRole("article")
          .getByRole("link", { name: /^KSBB-/ })
          .allTextContents();
        expect(listed.slice(0, shown.length)).toEqual(shown);

        // From the inbox: one click on the first delivery's confirm button.
        await page.goto("/staf");
        const before = await countOf(deliveries);
        const first = deliveries.getByRole("listitem").first();
        const reference = await referenceOf(first);
        const href = await first.getByRole("link", { name: reference }).getAttribute("href");
        let clicks = 0;
        const click = async (target: Locator) => {
          clicks += 1;
          await target.click();
        };
        await click(first.getByRole("button", { name: `${T.confirm} ${reference}` }));
        await expect(page.getByRole("status").filter({ hasText: T.confirmed(reference) })).toBeVisible();
        expect(clicks).toBeLessThanOrEqual(2);
        await expect(page).toHaveURL(/\/staf\?dikonfirmasi=/);
        await expect(deliveries.getByRole("link", { name: reference })).toHaveCount(0);
        expect(await countOf(deliveries)).toBeLessThan(before);

        await page.goto(href!);
        await expect(page.getByText(T.confirmedStatus, { exact: true }).first()).toBeVisible();
      });

      test("the counts drop as staff approve a pledge and confirm a delivery", async ({ page }) => {
        // Other specs may add pledges meanwhile; a round they disturbed is tried again.
        const review = queue(page, T.review);
        await expect(async () => {
          await page.goto("/staf");
          const before = await countOf(review);
          const reference = await referenceOf(review.getByRole("listitem").first());
          await review.getByRole("checkbox", { name: T.select(reference) }).check();
          await review.getByRole("button", { name: T.approve }).click();
          await expect(review.getByRole("status")).toHaveText(T.approved);
          await expect(review.getByRole("link", { name: reference })).toHaveCount(0);
          expect(await countOf(review)).toBe(before - 1);
        }).toPass({ timeout: 60_000, intervals: [1_000] });

        const deliveries = queue(page, T.deliveries);
        await expect(async () => {
          await page.goto("/staf");
          const before = await countOf(deliveries);
          const reference = await referenceOf(deliveries.getByRole("listitem").first());
          await deliveries.getByRole("button", { name: `${T.confirm} ${reference}` }).click();
          await expect(page.getByRole("status").filter({ hasText: T.confirmed(reference) })).toBeVisible();
          expect(await countOf(deliveries)).toBe(before - 1);
        }).toPass({ timeout: 60_000, intervals: [1_000] });

        // The organisations queue counts what its "see all" link lists.
        const organisations = queue(page, T.organisations);
        const waiting = await countOf(organisations);
        const seeAll = organisations.getByRole("link", { name: T.seeAll });
        if (waiting === 0) await expect(seeAll).toHaveCount(0);
        else {
          await expect(seeAll).toHaveAttribute("href", "/staf/organisasi?status=PENDING");
          const first = (await organisations.getByRole("listitem").first().getByRole("link").textContent())!;
          await seeAll.click();
          await expect(page.getByRole("heading", { level: 2, name: first })).toBeVisible();
        }
      });

      test("axe finds no serious or critical violation in the inbox, and it does not scroll sideways", async ({ page }) => {
        await page.goto("/staf");
        await expect(page.getByRole("heading", { level: 2, name: T.inbox })).toBeVisible();
        const { passes, serious } = await seriousViolations(page, { include: "#kotak-masuk" });
        expect(passes).toBeGreaterThan(0);
        expect(serious).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      });
    });
  }
}
