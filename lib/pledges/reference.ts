import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: a donor reads the code aloud or types it from a screenshot.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A pledge reference such as KSBB-7K3Q-X9PD. Pass a seeded random source for demo data. */
export function pledgeReference(random: () => number = () => randomInt(0, 2 ** 32) / 2 ** 32): string {
  const char = () => ALPHABET[Math.floor(random() * ALPHABET.length)];
  const group = () => Array.from({ length: 4 }, char).join("");
  return `KSBB-${group()}-${group()}`;
}
