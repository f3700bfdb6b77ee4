import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../../e2e/support/accounts.ts";

// After signing in and switching the language, every cookie the portal set is HttpOnly,
// SameSite=Lax and, as this is a production server, Secure (browsers accept Secure cookies
// from http://localhost). Over https the same holds: tests/security/cookies.test.ts.
test("session and language cookies are HttpOnly, SameSite=Lax and Secure, and no script can read them", async ({ page, context }) => {
  await signIn(page, DEMO.donor);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const cookies = await context.cookies();
  const names = cookies.map((cookie) => cookie.name);
  expect(names).toContain("__Secure-authjs.session-token");
  expect(names).toContain("NEXT_LOCALE");
  for (const cookie of cookies) {
    expect({ name: cookie.name, httpOnly: cookie.httpOnly, sameSite: cookie.sameSite, secure: cookie.secure }).toEqual({
      name: cookie.name,
      httpOnly: true,
      sameSite: "Lax",
      secure: true,
    });
  }
  expect(await page.evaluate(() => document.cookie)).toBe("");
  // The language choice still works with the cookie out of script's reach.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
