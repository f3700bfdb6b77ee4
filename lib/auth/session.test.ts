import { beforeEach, describe, expect, it, vi } from "vitest";

// The real session reader (the other tests replace it with tests/helpers/session.ts):
// a guest never reaches Auth.js, and a token is opened once, not on every request.

vi.unmock("@/lib/auth/session.ts");

const state = vi.hoisted(() => ({ cookies: [] as { name: string; value: string }[], opened: 0, userFor: new Map<string, string>() }));

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => state.cookies.find((cookie) => cookie.name === name),
    getAll: () => state.cookies,
  }),
}));

vi.mock("@/lib/auth/config.ts", () => ({
  auth: async () => {
    state.opened += 1;
    const token = state.cookies.map((cookie) => cookie.value).join("");
    const id = state.userFor.get(token);
    return id ? { user: { id }, sessionId: `sid_${id}`, expires: new Date(Date.now() + 3_600_000).toISOString() } : null;
  },
}));

const { sessionIdentity } = await import("./session.ts");
const sessionUserId = async () => (await sessionIdentity())?.userId ?? null;
const NAME = "authjs.session-token"; // NODE_ENV is "test": no __Secure- prefix

beforeEach(() => {
  state.cookies = [];
  state.opened = 0;
});

describe("sessionIdentity", () => {
  it("answers null for a guest without asking Auth.js", async () => {
    state.cookies = [{ name: "NEXT_LOCALE", value: "en" }];
    expect(await sessionUserId()).toBeNull();
    expect(state.opened).toBe(0);
  });

  it("opens a token once and remembers whose it is", async () => {
    state.userFor.set("token-a", "usr_a");
    state.userFor.set("token-b", "usr_b");
    state.cookies = [{ name: NAME, value: "token-a" }];
    expect(await sessionUserId()).toBe("usr_a");
    expect(await sessionUserId()).toBe("usr_a");
    expect(state.opened).toBe(1);
    state.cookies = [{ name: NAME, value: "token-b" }];
    expect(await sessionUserId()).toBe("usr_b");
    expect(state.opened).toBe(2);
  });

  it("remembers a token that opens to no session, so a forged cookie costs one decryption", async () => {
    state.cookies = [{ name: NAME, value: "forged" }];
    expect(await sessionUserId()).toBeNull();
    expect(await sessionUserId()).toBeNull();
    expect(state.opened).toBe(1);
  });

  it("opens the token again after a minute", async () => {
    vi.useFakeTimers();
    try {
      state.userFor.set("token-c", "usr_c");
      state.cookies = [{ name: NAME, value: "token-c" }];
      expect(await sessionUserId()).toBe("usr_c");
      vi.advanceTimersByTime(61_000);
      state.userFor.delete("token-c");
      expect(await sessionUserId()).toBeNull();
      expect(state.opened).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("names the server-side session the token carries, which the guards check on every request", async () => {
    state.userFor.set("token-e", "usr_e");
    state.cookies = [{ name: NAME, value: "token-e" }];
    expect(await sessionIdentity()).toEqual({ userId: "usr_e", sessionId: "sid_usr_e" });
  });

  it("lets Auth.js read a token split over several cookies", async () => {
    state.userFor.set("part1part2", "usr_d");
    state.cookies = [
      { name: `${NAME}.0`, value: "part1" },
      { name: `${NAME}.1`, value: "part2" },
    ];
    expect(await sessionUserId()).toBe("usr_d");
    expect(state.opened).toBe(1);
  });
});
