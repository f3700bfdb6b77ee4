import { describe, expect, it } from "vitest";
import { registerDonorAction } from "@/lib/accounts/actions.ts";
import { checkCredentials } from "@/lib/auth/credentials.ts";
import { SIGN_IN_MAX_FAILURES, SIGN_IN_MAX_FAILURES_PER_ADDRESS } from "@/lib/auth/rate-limit.ts";
import { sql } from "@/tests/helpers/db.ts";
import { actAs, form } from "@/tests/helpers/session.ts";

// Bursts against the limits on a real PostgreSQL server (collected only with
// TEST_DATABASE_URL): every request runs at once over the connection pool, as parallel
// requests to several instances would. Count-then-insert let 34 of 40 through (issue 12).

const DEMO_PASSWORD = "KsbbDemo#2026";
const checked = async (email: string) =>
  (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM sign_in_attempt WHERE email = $1 AND password_checked`, [email]))[0]!.n;

describe("sign-in lock under a burst", () => {
  it("checks at most 10 passwords of 100 parallel wrong sign-ins, then refuses the right one", async () => {
    const email = "donor@ksbb.test";
    // Each request from its own address, so only the account lock can stop them.
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => checkCredentials(email, `wrong-${i}`, `198.18.${Math.floor(i / 200)}.${i % 200}`)),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(SIGN_IN_MAX_FAILURES);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(100 - SIGN_IN_MAX_FAILURES);
    expect(await checked(email)).toBe(SIGN_IN_MAX_FAILURES);
    expect(await checkCredentials(email, DEMO_PASSWORD, "198.18.9.9")).toEqual({ ok: false, reason: "locked" });
    expect(await checked(email)).toBe(SIGN_IN_MAX_FAILURES);
  });

  it("with the right password inside the burst: refused once 10 failures are recorded", async () => {
    const email = "agregator@ksbb.test";
    const attempts = Array.from({ length: 40 }, (_, i) => (i === 39 ? DEMO_PASSWORD : `wrong-${i}`));
    const results = await Promise.all(attempts.map((password, i) => checkCredentials(email, password, `198.19.0.${i}`)));
    const right = results[39]!;
    const [failuresBefore] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM sign_in_attempt WHERE email = $1 AND password_checked AND NOT succeeded
         AND created_at < (SELECT created_at FROM sign_in_attempt WHERE email = $1 AND ip = '198.19.0.39')`,
      [email],
    );
    // Whatever order the database took them in, the right one passed only before the tenth failure.
    if (right.ok) expect(failuresBefore!.n).toBeLessThan(SIGN_IN_MAX_FAILURES);
    else expect(right).toEqual({ ok: false, reason: "locked" });
    expect(await checked(email)).toBeLessThanOrEqual(SIGN_IN_MAX_FAILURES + 1);
    expect(await checkCredentials(email, DEMO_PASSWORD, "198.19.1.1")).toEqual({ ok: false, reason: "locked" });
  });

  // 30 real password checks: slow on a busy 2-core machine.
  it("checks at most 30 passwords from one address spread over many accounts", { timeout: 120_000 }, async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => checkCredentials(`nobody${i}@contoh.test`, "wrong", "198.18.200.1")),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(SIGN_IN_MAX_FAILURES_PER_ADDRESS);
    expect(results.filter((r) => !r.ok && r.reason === "limited")).toHaveLength(100 - SIGN_IN_MAX_FAILURES_PER_ADDRESS);
  });
});

describe("registration limit under a burst", () => {
  it("20 parallel registrations from one address create at most 5 accounts", async () => {
    actAs(null, "198.18.100.7");
    const before = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_user`))[0]!.n;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        registerDonorAction(
          null,
          form({
            kind: "INDIVIDUAL",
            name: `Warga Uji ${i}`,
            email: `burst${i}@contoh.test`,
            password: "rujak cingur pedas manis",
            passwordConfirm: "rujak cingur pedas manis",
          }),
        ),
      ),
    );
    const after = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_user`))[0]!.n;
    expect(after - before).toBe(5);
    expect(results.filter((r) => r && !r.ok && r.code === "RATE_LIMITED")).toHaveLength(15);
  });
});
