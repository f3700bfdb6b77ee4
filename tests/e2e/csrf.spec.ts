import { expect, test } from "@playwright/test";
import { unique } from "./support/accounts.ts";

// Server actions are plain POSTs. Next.js refuses one whose Origin is not this site,
// which is what protects them from cross-site requests; this checks it really does.
test("a registration posted with another site's Origin is refused and writes nothing", async ({ page, request }) => {
  const email = `lintas-${unique()}@contoh.test`;
  let rewritten = 0;
  await page.route("**/daftar/donatur", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    rewritten += 1;
    const response = await route.fetch({ headers: { ...route.request().headers(), origin: "https://penipu.example" } });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    await route.fulfill({ response });
  });
  await page.goto("/daftar/donatur");
  await page.getByLabel("Nama Anda").fill("Warga Lintas Situs");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi", { exact: true }).fill("nasi uduk kebon kacang");
  await page.getByLabel("Ulangi kata sandi").fill("nasi uduk kebon kacang");
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page.getByRole("heading", { name: "Terjadi kesalahan" })).toBeVisible();
  expect(rewritten).toBe(1);

  // No account was made: signing in with it fails.
  const csrfToken = (await (await request.get("/api/auth/csrf")).json()).csrfToken as string;
  await request.post("/api/auth/callback/credentials", { form: { email, password: "nasi uduk kebon kacang", csrfToken } });
  expect(await (await request.get("/api/auth/session")).json()).toBeNull();
});
