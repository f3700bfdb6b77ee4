import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, unique } from "../../e2e/support/accounts.ts";
import { actionId, postAction } from "./support/build.ts";

// Server actions are plain POSTs. One posted from another site (a foreign Origin) or from
// an opaque context (Origin: null, e.g. a sandboxed frame or a data: page) is refused
// before it runs: the proxy answers 403 (proxy.ts), and Next.js would refuse it too.
// Each case checks the side effect did not happen, next to a same-site control that
// shows the very same request does work.

const FOREIGN_ORIGINS = ["https://evil.example", "null"];

for (const origin of FOREIGN_ORIGINS) {
  test(`a registration the browser posts with Origin: ${origin} is refused and creates no account`, async ({ page, request }) => {
    const email = `lintas-${unique()}@contoh.test`;
    let rewritten = 0;
    await page.route("**/daftar/donatur", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      rewritten += 1;
      const response = await route.fetch({ headers: { ...route.request().headers(), origin } });
      expect(response.status()).toBe(403);
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
    await expectNoAccount(request, email);
  });
}

async function expectNoAccount(request: Page["request"], email: string) {
  const csrfToken = (await (await request.get("/api/auth/csrf")).json()).csrfToken as string;
  await request.post("/api/auth/callback/credentials", { form: { email, password: "nasi uduk kebon kacang", csrfToken } });
  expect(await (await request.get("/api/auth/session")).json()).toBeNull();
}

test("the language switch action, posted directly, sets its cookie only from this site", async ({ request, baseURL }) => {
  const id = actionId("lib/i18n/actions.ts", "setLocale");
  for (const origin of FOREIGN_ORIGINS) {
    const refused = await postAction(request, { path: "/", id, fields: { locale: "en" }, withState: false, origin, baseURL: baseURL! });
    expect(refused.status(), origin).toBe(403);
    expect(refused.headers()["set-cookie"] ?? "", origin).not.toContain("NEXT_LOCALE");
  }
  const control = await postAction(request, { path: "/", id, fields: { locale: "en" }, withState: false, baseURL: baseURL! });
  expect(control.status()).toBe(200);
  expect(control.headers()["set-cookie"]).toContain("NEXT_LOCALE=en");
});

test("a signed-in user's profile change posted from another site changes nothing", async ({ page, baseURL }) => {
  await signIn(page, DEMO.aggregator);
  const name = page.getByRole("region", { name: "Profil saya" }).getByLabel("Nama Anda");
  const before = await name.inputValue();
  const id = actionId("lib/accounts/actions.ts", "updateProfileAction");
  const post = (origin: string | undefined, value: string) =>
    postAction(page.request, { path: "/akun", id, fields: { name: value }, withState: true, origin, baseURL: baseURL! });
  for (const origin of FOREIGN_ORIGINS) expect((await post(origin, "Diubah Situs Lain")).status(), origin).toBe(403);
  await page.reload();
  await expect(name).toHaveValue(before);
  // Control: the same request from this site does change the name; then put it back.
  expect((await post(undefined, `${before} Uji`)).status()).toBe(200);
  await page.reload();
  await expect(name).toHaveValue(`${before} Uji`);
  expect((await post(undefined, before)).status()).toBe(200);
});
