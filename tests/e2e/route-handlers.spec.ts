import { expect, test } from "@playwright/test";
import { authFile, DEMO, ROLES } from "./support/accounts.ts";

// The route handlers (Auth.js's, the health check, the icon), called as each kind of caller. The
// authorization matrix in tests/integration lists them; this runs them for real.
// Signed-in callers start from the stored sessions of tests/e2e/auth.setup.ts.
for (const role of [null, ...ROLES]) {
  const email = role && DEMO[role];
  test(`Auth.js endpoints answer ${email ?? "anonymous"} with their own session only`, async ({ browser }) => {
    const page = await browser.newPage({ storageState: role ? authFile(role) : undefined });
    const csrf = await page.request.get("/api/auth/csrf");
    expect(csrf.status()).toBe(200);
    expect((await csrf.json()).csrfToken).toMatch(/^[a-f0-9]{32,}$/);
    const session = await (await page.request.get("/api/auth/session")).json();
    if (email) expect(session.user.email).toBe(email);
    else expect(session).toBeNull();
    expect(JSON.stringify(session)).not.toContain("password");
    await page.close();
  });
}

test("a sign-in POST without the CSRF token is refused and signs nobody in", async ({ request }) => {
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email: DEMO.donor, password: "KsbbDemo#2026" },
    maxRedirects: 0,
  });
  expect([302, 303]).toContain(response.status());
  expect(response.headers().location).toMatch(/error=MissingCSRF/);
  expect(await (await request.get("/api/auth/session")).json()).toBeNull();
});

test(
  "the health check answers a load balancer without a session, uncached and with nothing private",
  { tag: "@smoke" },
  async ({ request }) => {
    for (const method of ["GET", "HEAD"] as const) {
      const response = await request.fetch("/api/health", { method });
      expect(response.status(), method).toBe(200);
      expect(response.headers()["cache-control"], method).toBe("no-store");
      expect(response.headers()["content-type"], method).toMatch(/^application\/json/);
      expect(response.headers()["set-cookie"], method).toBeUndefined();
      if (method === "GET") expect(await response.json()).toEqual({ status: "ok" });
    }
  },
);

test("the site icon answers at /favicon.ico and /icon.svg", async ({ request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  const svg = await request.get("/icon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
});
