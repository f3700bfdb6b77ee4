import { expect, test, type Page } from "@playwright/test";
import { authFile } from "./support/accounts.ts";

// Issue 12: an oversized photo, or a submission that gets no answer, never costs the person
// what they typed. Neither test records anything, so they share the seeded pledges freely.
// The form is found by opening pledges: room on a busy machine.
test.describe.configure({ timeout: 90_000 });

// The demo aggregator's stored session (tests/e2e/auth.setup.ts).
test.use({ storageState: authFile("aggregator") });

/** Opens the first of the demo aggregator's pledges that shows the delivery form. */
async function openDeliveryForm(page: Page) {
  // Pledges in delivery take deliveries; the queue opens on the first tab with work, which may be "to schedule".
  await page.goto("/agregator/penyaluran?tab=in-delivery");
  const urls = await page
    .getByRole("main")
    .getByRole("link", { name: /^KSBB-/ })
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  for (const url of urls) {
    await page.goto(url);
    const form = page.getByRole("region", { name: "Catat penyaluran" });
    if (await form.count()) return form;
  }
  throw new Error("no pledge of the demo aggregator can take a delivery");
}

const TYPED = {
  "Kelompok penerima": "RW 07 Kampung Uji",
  "Jumlah penerima (opsional)": "12",
  "Catatan (opsional)": "Diterima ketua RT 02",
};

test("a photo over 5 MB is refused as it is chosen, before any upload, and the typed fields stay", async ({ page }) => {
  const delivery = await openDeliveryForm(page);
  for (const [label, value] of Object.entries(TYPED)) await delivery.getByLabel(label).fill(value);
  const posts: string[] = [];
  page.on("request", (request) => void (request.method() === "POST" && posts.push(request.url())));

  const photos = delivery.getByLabel(/^Foto bukti/);
  await photos.setInputFiles({ name: "besar.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(6 * 1024 * 1024, 0xff) });

  await expect(delivery.getByText("Setiap foto maksimal 5 MB.", { exact: false })).toBeVisible();
  await expect(photos).toHaveAttribute("aria-invalid", "true");
  await expect(photos).toHaveAccessibleDescription(/Setiap foto maksimal 5 MB/);
  expect(await photos.evaluate((input) => (input as HTMLInputElement).files?.length)).toBe(0);
  for (const [label, value] of Object.entries(TYPED)) await expect(delivery.getByLabel(label)).toHaveValue(value);
  expect(posts).toEqual([]);

  // A photo within the limit clears the message.
  await photos.setInputFiles({ name: "kecil.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(1024, 0xff) });
  await expect(delivery.getByText("Setiap foto maksimal 5 MB.", { exact: false })).toBeHidden();
});

test("a submission refused before it reaches the portal (413) keeps the form and what was typed", async ({ page }) => {
  const delivery = await openDeliveryForm(page);
  for (const [label, value] of Object.entries(TYPED)) await delivery.getByLabel(label).fill(value);
  // What proxy.ts answers to a body over the limit: an empty 413.
  await page.route("**/*", (route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"]
      ? route.fulfill({ status: 413, body: "" })
      : route.fallback(),
  );

  await delivery.getByRole("button", { name: "Simpan penyaluran" }).click();

  await expect(delivery.getByRole("alert")).toContainText("Formulir belum terkirim");
  await expect(page.getByText(/gagal dimuat/i)).toHaveCount(0);
  for (const [label, value] of Object.entries(TYPED)) await expect(delivery.getByLabel(label)).toHaveValue(value);
});
