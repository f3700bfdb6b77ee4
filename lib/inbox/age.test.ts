import { describe, expect, it } from "vitest";
import { waitingAge } from "./age.ts";

describe("waitingAge", () => {
  const now = new Date("2026-12-03T06:00:00Z");
  const before = (ms: number) => new Date(now.getTime() - ms);

  it("counts whole days from one day on, whole hours below that", () => {
    expect(waitingAge(before(3 * 86_400_000 + 5 * 3_600_000), now)).toEqual({ unit: "days", count: 3 });
    expect(waitingAge(before(86_400_000), now)).toEqual({ unit: "days", count: 1 });
    expect(waitingAge(before(86_400_000 - 1), now)).toEqual({ unit: "hours", count: 23 });
    expect(waitingAge(before(3_600_000), now)).toEqual({ unit: "hours", count: 1 });
  });

  it("says less than an hour for anything newer, and for a clock slightly ahead", () => {
    expect(waitingAge(before(3_600_000 - 1), now)).toEqual({ unit: "lessThanHour" });
    expect(waitingAge(before(-60_000), now)).toEqual({ unit: "lessThanHour" });
  });
});
