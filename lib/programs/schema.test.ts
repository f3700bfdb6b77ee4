import { describe, expect, it } from "vitest";
import { calendarDate } from "./schema.ts";

describe("calendarDate", () => {
  it("accepts real dates and refuses anything else without throwing", () => {
    expect(calendarDate.safeParse("2026-02-28").success).toBe(true);
    for (const bad of ["", " ", "2026-02-31", "2026-13-01", "28/02/2026", "T", "2026-1-1"]) {
      expect(() => calendarDate.safeParse(bad)).not.toThrow();
      expect(calendarDate.safeParse(bad).success, bad).toBe(false);
    }
  });
});
