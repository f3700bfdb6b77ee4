import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";

// Time-based one-time passwords (RFC 6238) as every authenticator app makes them:
// SHA-1, 6 digits, 30-second steps, through the otpauth library. A code is accepted for
// the step before and after the current one (clock drift), and only for a step later
// than the last accepted one, so a code seen over someone's shoulder works once.

const ISSUER = "KSBB Jakarta";

function totp(secret: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The code for a moment (tests, and the demo accounts' hint). */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return totp(secret).generate({ timestamp });
}

/** The 30-second step the code belongs to, or null when it matches none within one step. */
export function totpStep(secret: string, code: string, timestamp = Date.now()): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const generator = totp(secret);
  const delta = generator.validate({ token, timestamp, window: 1 });
  return delta === null ? null : generator.counter({ timestamp }) + delta;
}

const RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Ten one-time recovery codes, XXXX-XXXX (no 0/O or 1/I to misread). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 8 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

export const isRecoveryCodeShape = (code: string) => /^[A-Z0-9]{4}-?[A-Z0-9]{4}$/i.test(code.trim());

export function recoveryCodeHash(code: string): string {
  return createHash("sha256").update(code.trim().toUpperCase().replace("-", "")).digest("hex");
}
