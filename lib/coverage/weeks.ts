// Calendar weeks for the delivery charts: Monday-aligned, on Jakarta calendar dates
// (YYYY-MM-DD strings, so no time zone can shift a day).

const DAY = 86_400_000;
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

/** The Monday of the week that contains `day`. */
export function mondayOf(day: string): string {
  const date = toDate(day);
  return toDay(new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY));
}

/** The Mondays of the last `weeks` weeks, oldest first, ending with the week of `today`. */
export function weekStarts(today: string, weeks: number): string[] {
  const last = toDate(mondayOf(today)).getTime();
  return Array.from({ length: Math.max(1, weeks) }, (_, index) => toDay(new Date(last - (weeks - 1 - index) * 7 * DAY)));
}

/** One value per week of `weekStarts(today, weeks)`, summing the rows of each week; weeks without rows are 0. */
export function fillWeeks<Row extends { week: string }>(rows: readonly Row[], value: (row: Row) => number, today: string, weeks: number) {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.week, (totals.get(row.week) ?? 0) + value(row));
  return weekStarts(today, weeks).map((week) => ({ week, value: totals.get(week) ?? 0 }));
}
