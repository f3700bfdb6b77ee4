import { describe, expect, it } from "vitest";
import { shareLabel } from "./share-label.ts";

const percent = (value: number) => new Intl.NumberFormat("id", { style: "percent" }).format(value);

describe("shareLabel", () => {
  it("never rounds a non-zero share to 0% nor a partial one to 100%", () => {
    expect(shareLabel(0.004, percent, "<1%")).toBe("<1%");
    expect(shareLabel(0, percent, "<1%")).toBe("0%");
    expect(shareLabel(0.996, percent, "<1%")).toBe("99%");
    expect(shareLabel(1, percent, "<1%")).toBe("100%");
    expect(shareLabel(0.426, percent, "<1%")).toBe("43%");
  });
});
