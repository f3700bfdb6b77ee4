const JAKARTA_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Jakarta as YYYY-MM-DD. Calendar dates (deadlines, delivery days) are Jakarta days. */
export function jakartaToday(now = new Date()): string {
  return JAKARTA_DAY.format(now);
}

/** A YYYY-MM-DD calendar date as the Date Prisma stores in a DATE column (UTC midnight). */
export function dateOnly(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function addDays(value: Date, days: number): Date {
  return new Date(value.getTime() + days * 86_400_000);
}
