import { describe, expect, it } from "vitest";
import { jakartaToday } from "@/lib/dates.ts";
import { calendarDate, EARLIEST_DATE, shownText, today, wholeNumber, yearsAhead } from "./schema.ts";
import { z } from "zod";

const messages = (result: z.ZodSafeParseResult<unknown>) => (result.success ? [] : result.error.issues.map((issue) => issue.message));

describe("calendarDate", () => {
  const date = calendarDate({ from: EARLIEST_DATE, to: yearsAhead(5), outOfRange: "outOfRange" });

  it("accepts real days in range, leap days included", () => {
    for (const good of ["2026-02-28", "2028-02-29", EARLIEST_DATE, jakartaToday(), ` ${jakartaToday()} `])
      expect(date.safeParse(good).success, good).toBe(true);
  });

  it("refuses days that do not exist, without throwing", () => {
    for (const bad of [
      "2026-02-31",
      "2027-02-29",
      "2026-13-01",
      "2026-04-31",
      "28/02/2026",
      "T",
      "2026-1-1",
      "20260-01-01",
      "2026-02-28T00:00",
    ]) {
      expect(() => date.safeParse(bad)).not.toThrow();
      expect(messages(date.safeParse(bad))[0], bad).toBe("dateInvalid");
    }
    expect(messages(date.safeParse(""))[0]).toBe("required");
    expect(messages(date.safeParse(undefined))[0]).toBe("required");
  });

  it("refuses real days outside the field's range with the field's message", () => {
    const farAhead = yearsAhead(6) as (value: string) => string;
    for (const bad of ["0001-01-01", "2019-12-31", farAhead(jakartaToday()), "9999-12-31"])
      expect(messages(date.safeParse(bad)), bad).toEqual(["outOfRange"]);
    const past = calendarDate({ from: EARLIEST_DATE, to: today, outOfRange: "future" });
    expect(messages(past.safeParse((yearsAhead(1) as (value: string) => string)(jakartaToday())))).toEqual(["future"]);
  });
});

describe("wholeNumber", () => {
  const number = wholeNumber({ max: 1000 });

  it("takes decimal digits, spaces around them aside", () => {
    expect(number.parse("16")).toBe(16);
    expect(number.parse(" 007 ")).toBe(7);
  });

  it("refuses what z.coerce.number() would have read as a number", () => {
    for (const bad of ["0x10", "1e3", "+5", "-5", "1.5", "1,000", "0b1", "0o7", "Infinity", "NaN", "", " ", "٣", "1 000"]) {
      expect(messages(number.safeParse(bad))[0], bad).toBe("numberInvalid");
    }
    expect(messages(number.safeParse("0"))).toEqual(["tooSmall"]);
    expect(messages(number.safeParse("1001"))).toEqual(["tooBig"]);
    expect(messages(number.safeParse("9".repeat(40)))).toEqual(["numberInvalid"]);
  });
});

describe("shownText", () => {
  const text = shownText(z.string().trim());

  it("refuses every bidirectional control character and markup", () => {
    for (const control of [
      "\u202a",
      "\u202b",
      "\u202c",
      "\u202d",
      "\u202e",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200e",
      "\u200f",
      "\u061c",
    ]) {
      expect(messages(text.safeParse(`Beras ${control}gk 5`)), control.codePointAt(0)!.toString(16)).toEqual(["bidiControl"]);
    }
    expect(messages(text.safeParse("<b>"))).toEqual(["noMarkup"]);
    expect(text.parse("Paket sembako – beras 5 kg, minyak 1 L ✓ عربي")).toBe("Paket sembako – beras 5 kg, minyak 1 L ✓ عربي");
  });
});
