import { vi } from "vitest";

// Server actions call Next.js request APIs (headers, cookies, revalidatePath), next-intl
// and the Auth.js session. In Vitest there is no request, so these stand in for them;
// the session is whoever tests/helpers/session.ts says is acting.

vi.mock("next/headers", () => {
  const jar = new Map<string, string>();
  return {
    headers: async () => new Headers({ "x-ksbb-client-ip": globalThis.__ksbbTestIp ?? "203.0.113.1" }),
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
    if (!translators.has(namespace))
      translators.set(namespace, createTranslator({ locale: "id", messages, namespace: namespace as never }));
    return translators.get(namespace)!;
  };
  return {
    getTranslations: async (namespace?: string) => translator(namespace),
    getLocale: async () => "id",
  };
});

// The acting user has one server-side session per test file ("test:<user id>"), made on
// first use and never revived once a test revoked it, as a real cookie would not be.
const testSessions = new Set<string>();
vi.mock("@/lib/auth/session.ts", () => ({
  sessionIdentity: async () => {
    const userId = globalThis.__ksbbTestUserId;
    if (!userId) return null;
    const sessionId = globalThis.__ksbbTestSessionId ?? `test:${userId}`;
    if (!testSessions.has(sessionId)) {
      await globalThis.__ksbbDb!.query(
        `INSERT INTO user_session (id, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day') ON CONFLICT (id) DO NOTHING`,
        [sessionId, userId],
      );
      testSessions.add(sessionId);
    }
    return { userId, sessionId };
  },
}));

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
  var __ksbbTestSessionId: string | undefined;
}
