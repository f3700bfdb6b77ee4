import { expect, test } from "@playwright/test";
import { actionBodyLimit, actionId, postAction } from "./support/build.ts";

// A body over the server-action limit (read from the build's config) is refused with 413
// before the server reads it, and the server stays healthy for everyone else.
test("a server action body over the size limit is refused and the server keeps serving", async ({ request, baseURL }) => {
  const limit = actionBodyLimit();
  expect(limit).toBeGreaterThanOrEqual(1024 * 1024);
  const id = actionId("lib/i18n/actions.ts", "setLocale");
  for (const size of [limit + 1024, 2 * limit]) {
    const response = await postAction(request, {
      path: "/",
      id,
      fields: { locale: "en", padding: "a".repeat(size) },
      withState: false,
      baseURL: baseURL!,
    });
    expect(response.status(), `${size} bytes`).toBe(413);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("NEXT_LOCALE");
  }
  // Just under the limit still works: the limit is the configured one, not a lower one.
  const under = await postAction(request, {
    path: "/",
    id,
    fields: { locale: "en", padding: "a".repeat(limit - 64 * 1024) },
    withState: false,
    baseURL: baseURL!,
  });
  expect(under.status()).toBe(200);
  expect(under.headers()["set-cookie"]).toContain("NEXT_LOCALE=en");
  expect((await request.get("/")).status()).toBe(200);
  expect((await request.get("/kebutuhan")).status()).toBe(200);
});
