/** No date in this portal lies before the first programs. */
export const EARLIEST_DATE = "2020-01-01";

const JAKARTA_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Jakarta as YYYY-MM-DD. Calendar dates (deadlines, delivery days) are Jakarta days. */
export function jakartaToday(now = new Date()): string {
  return JAKARTA_DAY.format(now);
}

/** A YYYY-MM-DD calendar date as the Date Prisma stores in a DATE column (UTC midnight). */
export function dateOnly(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

/** A YYYY-MM-DD day that exists: no 31 February, no month 13. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function addDays(value: Date, days: number): Date {
  return new Date(value.getTime() + days * 86_400_000);
}
