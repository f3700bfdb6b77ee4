import { vi } from "vitest";

// Server actions call Next.js request APIs (headers, cookies, revalidatePath), next-intl
// and the Auth.js session. In Vitest there is no request, so these stand in for them;
// the session is whoever tests/helpers/session.ts says is acting.

vi.mock("next/headers", () => {
  const jar = new Map<string, string>();
  return {
    headers: async () => new Headers({ "x-forwarded-for": globalThis.__ksbbTestIp ?? "203.0.113.1" }),
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
    }),
  };
});

vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/id.json")).default;
  // One translator per namespace, as next-intl caches them per request: a fresh one would
  // re-parse every message it formats (the security fuzz calls actions 10,000 times).
  const translators = new Map<string | undefined, ReturnType<typeof createTranslator>>();
  const translator = (namespace?: string) => {
    if (!translators.has(namespace)) translators.set(namespace, createTranslator({ locale: "id", messages, namespace: namespace as never }));
    return translators.get(namespace)!;
  };
  return {
    getTranslations: async (namespace?: string) => translator(namespace),
    getLocale: async () => "id",
  };
});

vi.mock("@/lib/auth/session.ts", () => ({ sessionUserId: async () => globalThis.__ksbbTestUserId ?? null }));

vi.mock("@/lib/auth/config.ts", () => ({
  // Sign-in itself is exercised in the browser tests; here it only must not be reached when denied.
  signIn: async () => undefined,
  signOut: async () => undefined,
  auth: async () => null,
  handlers: {},
}));

declare global {
  var __ksbbTestUserId: string | null | undefined;
  var __ksbbTestIp: string | undefined;
}
