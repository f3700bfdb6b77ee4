import { useTranslations, useFormatter } from "next-intl";
import type { WeeklyDeliveries } from "@/lib/coverage/queries.ts";
import { fillWeeks } from "@/lib/coverage/weeks.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { WeeklyColumns } from "./weekly-columns.tsx";

/**
 * Delivery updates per week (a count, so it is unit-free), the last `weeks` weeks with
 * empty weeks as zero. `rows` come from deliveriesPerWeek with the same number of weeks.
 */
export function WeeklyChart({ rows, weeks }: { rows: WeeklyDeliveries[]; weeks: number }) {
  const t = useTranslations("charts");
  const format = useFormatter();
  const series = fillWeeks(rows, (row) => row.deliveries, jakartaToday(), weeks);
  const day = (week: string) => new Date(`${week}T00:00:00Z`);
  const short = (week: string) => format.dateTime(day(week), { day: "numeric", month: "short", timeZone: "UTC" });
  const total = series.reduce((sum, w) => sum + w.value, 0);
  const busiest = series.reduce((best, w) => (w.value > best.value ? w : best), series[0]!);
  const summary =
    total === 0
      ? t("weeklyNone", { weeks })
      : t("weeklySummary", {
          weeks,
          total,
          busiest: busiest.value,
          week: format.dateTime(day(busiest.week), { dateStyle: "medium", timeZone: "UTC" }),
        });
  return (
    <WeeklyColumns
      caption={t("weeklyCaption", { weeks })}
      weeks={series}
      weekLabel={short}
      valueLabel={(value) => format.number(value)}
      summary={summary}
      table={{ toggle: t("showTable"), week: t("weekOf"), value: t("deliveries") }}
    />
  );
}
