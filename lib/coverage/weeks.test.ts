import { describe, expect, it } from "vitest";
import { fillWeeks, mondayOf, weekStarts } from "./weeks.ts";

describe("weeks", () => {
  it("finds the Monday of a week, across month and year ends", () => {
    expect(mondayOf("2026-11-28")).toBe("2026-11-23"); // Saturday
    expect(mondayOf("2026-11-23")).toBe("2026-11-23"); // Monday itself
    expect(mondayOf("2026-11-29")).toBe("2026-11-23"); // Sunday belongs to the week before
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  });

  it("lists the last weeks oldest first and fills weeks without rows with zero", () => {
    const weeks = weekStarts("2026-11-28", 12);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toBe("2026-09-07");
    expect(weeks.at(-1)).toBe("2026-11-23");
    const filled = fillWeeks(
      [
        { week: "2026-11-23", n: 2 },
        { week: "2026-11-23", n: 3 },
        { week: "2026-10-05", n: 1 },
        { week: "2026-08-31", n: 9 }, // before the window: left out
      ],
      (row) => row.n,
      "2026-11-28",
      12,
    );
    expect(filled.map((w) => w.value)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 5]);
    expect(filled.map((w) => w.week)).toEqual(weeks);
  });
});
