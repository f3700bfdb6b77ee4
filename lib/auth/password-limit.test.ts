import crypto from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { hashPassword, MAX_RUNNING, MAX_WAITING, PasswordHasherBusy } from "./password.ts";

// Every scrypt call is counted while it runs, and made cheap (N=2^10) so 50 hashes take
// milliseconds: what is tested here is how many run at once, not the key derivation.
const realScrypt = crypto.scrypt;
const counter = { running: 0, peak: 0, calls: 0 };

beforeEach(() => {
  Object.assign(counter, { running: 0, peak: 0, calls: 0 });
  vi.spyOn(crypto, "scrypt").mockImplementation(((
    password: string,
    salt: Buffer,
    length: number,
    options: object,
    done: (error: Error | null, key: Buffer) => void,
  ) => {
    counter.calls++;
    counter.peak = Math.max(counter.peak, ++counter.running);
    realScrypt(password, salt, length, { ...options, N: 1024, p: 1 }, (error, key) => {
      counter.running--;
      done(error, key);
    });
  }) as typeof crypto.scrypt);
  return () => vi.restoreAllMocks();
});

describe("password hashing under load", () => {
  it(`never runs more than ${MAX_RUNNING} hashes at once, however many are asked for`, async () => {
    const hashes = await Promise.all(Array.from({ length: 50 }, (_, i) => hashPassword(`password-${i}`)));
    expect(new Set(hashes).size).toBe(50);
    expect(counter.calls).toBe(50);
    expect(counter.peak).toBe(MAX_RUNNING);
    expect(counter.running).toBe(0);
  });

  it("refuses at once, with PasswordHasherBusy, what would wait beyond the queue", async () => {
    const results = await Promise.allSettled(Array.from({ length: MAX_RUNNING + MAX_WAITING + 5 }, (_, i) => hashPassword(`burst-${i}`)));
    const refused = results.filter((result) => result.status === "rejected");
    expect(refused).toHaveLength(5);
    for (const result of refused) expect((result as PromiseRejectedResult).reason).toBeInstanceOf(PasswordHasherBusy);
    expect(counter.calls).toBe(MAX_RUNNING + MAX_WAITING);
    // Once the burst is over, hashing works again.
    expect(await hashPassword("after the burst")).toMatch(/^scrypt\$32768\$8\$3\$/);
  });
});
