import crypto from "node:crypto";

// scrypt from node:crypto, stored as scrypt$N$r$p$salt$hash (base64). N=2^15, r=8, p=3 is
// one of OWASP's equivalent settings: 32 MiB per hash instead of 128 MiB for N=2^17, p=1.
// At most MAX_RUNNING hashes run at once per process and MAX_WAITING wait; anything past
// that is refused at once (PasswordHasherBusy), so a burst of sign-ins cannot exhaust
// memory. See docs/decisions/0014-password-hashing.md.
const PARAMS = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_LENGTH = 32;
const MAX_MEMORY = 256 * 1024 * 1024;
export const MAX_RUNNING = 2;
export const MAX_WAITING = 64;

/** Verified against when an account does not exist, so both cases cost the same. */
export const DUMMY_HASH = ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, "A".repeat(22) + "==", "A".repeat(43) + "="].join("$");

/** Too many hashes running and waiting in this process: answer "busy, try again". */
export class PasswordHasherBusy extends Error {
  constructor() {
    super("password hashing is busy; try again shortly");
  }
}

let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) {
    if (waiting.length >= MAX_WAITING) throw new PasswordHasherBusy();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else running++;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, so `running` never exceeds the cap.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

type Params = { N: number; r: number; p: number };

function derive(password: string, salt: Buffer, { N, r, p }: Params): Promise<Buffer> {
  const maxmem = 128 * N * r + 128 * r * p + 1024 * 1024;
  return limited(
    () =>
      new Promise((resolve, reject) =>
        crypto.scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N, r, p, maxmem }, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

function parse(stored: string) {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const sane = Object.values(params).every((value) => Number.isInteger(value) && value >= 1) && 128 * params.N * params.r <= MAX_MEMORY;
  return scheme === "scrypt" && salt && hash && sane
    ? { params, salt: Buffer.from(salt, "base64"), hash: Buffer.from(hash, "base64") }
    : null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.hash.length && crypto.timingSafeEqual(key, parsed.hash);
}

/** True for a hash made with other parameters: replace it after the next successful sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return (
    !parsed ||
    parsed.params.N !== PARAMS.N ||
    parsed.params.r !== PARAMS.r ||
    parsed.params.p !== PARAMS.p ||
    parsed.hash.length !== KEY_LENGTH
  );
}
