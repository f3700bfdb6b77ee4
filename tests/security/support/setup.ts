import { afterAll, expect, vi } from "vitest";

// Setup for the security tests only (vitest.security.config.ts).

// scrypt at OWASP's cost takes a quarter of a second; 10,000 fuzzed sign-ups and password
// changes would take an hour. The fuzz tests input handling, not the key derivation
// (tests/integration covers that), so here hashing is a cheap stand-in.
vi.mock("@/lib/auth/password.ts", () => ({
  hashPassword: async (password: string) => `fuzz$${password.length}`,
  verifyPassword: async (password: string, stored: string) => stored === `fuzz$${password.length}`,
  needsRehash: () => false,
  DUMMY_HASH: "fuzz$none",
}));

// A promise nobody awaits (e.g. fire-and-forget mail) that rejects is a crash in production.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
process.on("unhandledRejection", onUnhandled);
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled.map(String)).toEqual([]);
});
