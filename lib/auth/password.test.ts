import { randomBytes, scrypt } from "node:crypto";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "./password.ts";

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number, options: object) => Promise<Buffer>;

/** A hash as the portal stored it before decision 0014: N=2^17, r=8, p=1 (128 MiB). */
async function oldHash(password: string) {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 2 ** 17 * 8 + 2 ** 20 });
  return ["scrypt", 131072, 8, 1, salt.toString("base64"), key.toString("base64")].join("$");
}

describe("password hashing", () => {
  it("hashes with N=2^15, r=8, p=3 (32 MiB) and verifies only the right password", async () => {
    const stored = await hashPassword("Kelurahan-Gambir-7");
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword("Kelurahan-Gambir-7", stored)).toBe(true);
    expect(await verifyPassword("Kelurahan-Gambir-8", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it("still verifies a hash made with the old N=2^17 parameters, and asks for it to be replaced", async () => {
    const stored = await oldHash("KsbbDemo#2026");
    expect(await verifyPassword("KsbbDemo#2026", stored)).toBe(true);
    expect(await verifyPassword("KsbbDemo#2027", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it("refuses malformed or absurdly costly stored values without deriving anything", async () => {
    expect(await verifyPassword("x", "plain text")).toBe(false);
    expect(await verifyPassword("x", "scrypt$4194304$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA")).toBe(false);
    expect(needsRehash("plain text")).toBe(true);
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    expect(await verifyPassword("anything", DUMMY_HASH)).toBe(false);
  });
});
