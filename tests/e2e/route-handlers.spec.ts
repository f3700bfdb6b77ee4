import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts.ts";

// The route handlers (only Auth.js's so far), called as each kind of caller. The
// authorization matrix in tests/integration lists them; this runs them for real.
const CALLERS = [null, DEMO.donor, DEMO.aggregator, DEMO.staff, DEMO.admin] as const;

for (const email of CALLERS) {
  test(`Auth.js endpoints answer ${email ?? "anonymous"} with their own session only`, async ({ page }) => {
    if (email) await signIn(page, email);
    const csrf = await page.request.get("/api/auth/csrf");
    expect(csrf.status()).toBe(200);
    expect((await csrf.json()).csrfToken).toMatch(/^[a-f0-9]{32,}$/);
    const session = await (await page.request.get("/api/auth/session")).json();
    if (email) expect(session.user.email).toBe(email);
    else expect(session).toBeNull();
    expect(JSON.stringify(session)).not.toContain("password");
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
