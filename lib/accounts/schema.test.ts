import { describe, expect, it } from "vitest";
import { phone } from "./schema.ts";

// Issue 15: registration refused "+62 21 5550 9999", the format the demo data itself uses.
describe("phone numbers", () => {
  it.each(["+62 21 5550 9999", "+6281234567890", "081234567890", "0812-3456-7890", "021 5550 9999", "+62-812-3456-7890"])(
    "accepts %s",
    (value) => {
      expect(phone.safeParse(value).success).toBe(true);
    },
  );

  it.each([
    ["+62 21 5550 9999", "+622155509999"],
    ["081234567890", "+6281234567890"],
    ["0812-3456-7890", "+6281234567890"],
    ["021 5550 9999", "+622155509999"],
    ["+62-812-3456-7890", "+6281234567890"],
  ])("stores %s as %s (E.164)", (value, stored) => {
    expect(phone.parse(value)).toBe(stored);
  });

  it.each(["", "12345678", "+1 415 555 0100", "+62", "0812", "+62  21 5550", "08123abc4567", "0".repeat(30)])("refuses %j", (value) => {
    expect(phone.safeParse(value).success).toBe(false);
  });
});
