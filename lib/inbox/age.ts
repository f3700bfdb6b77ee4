const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type WaitingAge = { unit: "lessThanHour" } | { unit: "hours" | "days"; count: number };

/** How long something has waited, in the largest whole unit the inbox shows (days, else hours). */
export function waitingAge(since: Date, now: Date): WaitingAge {
  const waited = Math.max(0, now.getTime() - since.getTime());
  if (waited >= DAY) return { unit: "days", count: Math.floor(waited / DAY) };
  if (waited >= HOUR) return { unit: "hours", count: Math.floor(waited / HOUR) };
  return { unit: "lessThanHour" };
}
