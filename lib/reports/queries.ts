import "server-only";
import { assertStaff, type Caller } from "@/lib/auth/guards.ts";
import { db } from "@/lib/db/index.ts";
import { PUBLIC_NEED_STATUSES } from "@/lib/needs/schema.ts";
import { PUBLIC_NAME_FIELDS, publicOrganisationName } from "@/lib/organisations/public-name.ts";
import type { ReportStatusName, ReportSubjectKind } from "./schema.ts";

// What a report is about, as the public may see it; the staff queue; the public counts.

export const REPORT_QUEUE_PAGE_SIZE = 20;

/** What the report form shows about its subject: only what its public page shows, or null when there is no such public thing. */
export interface ReportSubjectSummary {
  kind: ReportSubjectKind;
  id: string;
  /** e.g. the need's item, the kelurahan's name, the organisation's public name. */
  title: string;
  /** Where it is, e.g. "Gambir, Jakarta Pusat"; the delivery's day for a delivery. */
  place: string | null;
  deliveredOn?: Date;
  href: string;
}

export async function reportSubject(kind: ReportSubjectKind, id: string): Promise<ReportSubjectSummary | null> {
  switch (kind) {
    case "NEED": {
      const need = await db.need.findFirst({
        where: { id, status: { in: [...PUBLIC_NEED_STATUSES] }, program: { status: { not: "DRAFT" } } },
        select: { id: true, item: true, kelurahan: { select: { name: true, parent: { select: { name: true } } } } },
      });
      return need && { kind, id, title: need.item, place: placeOf(need.kelurahan), href: `/kebutuhan/${need.id}` };
    }
    case "DELIVERY": {
      const delivery = await db.deliveryUpdate.findFirst({
        where: { id, pledge: { need: { status: { in: [...PUBLIC_NEED_STATUSES] } } } },
        select: {
          deliveredOn: true,
          pledge: { select: { need: { select: { item: true, kelurahanCode: true, kelurahan: { select: { name: true, parent: { select: { name: true } } } } } } } },
        },
      });
      if (!delivery) return null;
      const need = delivery.pledge.need;
      return {
        kind,
        id,
        title: need.item,
        place: placeOf(need.kelurahan),
        deliveredOn: delivery.deliveredOn,
        href: `/transparansi/kelurahan/${need.kelurahanCode}#record-heading`,
      };
    }
    case "KELURAHAN": {
      const region = await db.region.findFirst({
        where: { code: id, level: "KELURAHAN" },
        select: { code: true, name: true, parent: { select: { name: true } } },
      });
      return region && { kind, id, title: region.name, place: region.parent?.name ?? null, href: `/transparansi/kelurahan/${region.code}` };
    }
    case "ORGANISATION": {
      const organisation = await db.organisation.findUnique({ where: { id }, select: PUBLIC_NAME_FIELDS });
      const name = publicOrganisationName(organisation);
      return name ? { kind, id, title: name, place: null, href: `/kolaborator/${id}` } : null;
    }
  }
}

function placeOf(kelurahan: { name: string; parent: { name: string } | null }): string {
  return kelurahan.parent ? `${kelurahan.name}, ${kelurahan.parent.name}` : kelurahan.name;
}

/** Staff triage: one status, oldest first for open reports (first come, first answered), newest first for closed ones. */
export async function reportQueue(caller: Caller, status: ReportStatusName, page: number) {
  assertStaff(caller);
  const open = status === "NEW" || status === "IN_REVIEW";
  const [total, reports, counts] = await Promise.all([
    db.publicReport.count({ where: { status } }),
    db.publicReport.findMany({
      where: { status },
      orderBy: open ? [{ createdAt: "asc" }, { id: "asc" }] : [{ closedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * REPORT_QUEUE_PAGE_SIZE,
      take: REPORT_QUEUE_PAGE_SIZE,
      select: {
        id: true,
        reference: true,
        subjectKind: true,
        subjectId: true,
        category: true,
        description: true,
        contact: true,
        status: true,
        reply: true,
        createdAt: true,
        closedAt: true,
        handledBy: { select: { name: true } },
      },
    }),
    db.publicReport.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const countByStatus = Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Partial<Record<ReportStatusName, number>>;
  return { total, reports, countByStatus, pageCount: Math.max(1, Math.ceil(total / REPORT_QUEUE_PAGE_SIZE)) };
}

export interface MonthlyReportCount {
  /** YYYY-MM in Jakarta time. */
  month: string;
  received: number;
  resolved: number;
}

/**
 * Reports received and resolved per month (Jakarta time), the last `months` months,
 * newest first, with every month present. Counts only: nothing of any report is shown.
 */
export async function monthlyReportCounts(months = 6, now = new Date()): Promise<MonthlyReportCount[]> {
  const rows = await db.$queryRaw<{ month: string; received: bigint; resolved: bigint }[]>`
    WITH months AS (
      SELECT to_char(date_trunc('month', (${now}::timestamptz AT TIME ZONE 'Asia/Jakarta')) - make_interval(months => n), 'YYYY-MM') AS month
      FROM generate_series(0, ${months - 1}::int) AS n
    ),
    received AS (
      SELECT to_char(created_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month, count(*) AS n
      FROM public_report GROUP BY 1
    ),
    resolved AS (
      SELECT to_char(closed_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month, count(*) AS n
      FROM public_report WHERE status = 'RESOLVED'::"ReportStatus" GROUP BY 1
    )
    SELECT months.month, coalesce(received.n, 0) AS received, coalesce(resolved.n, 0) AS resolved
    FROM months LEFT JOIN received USING (month) LEFT JOIN resolved USING (month)
    ORDER BY months.month DESC`;
  return rows.map((row) => ({ month: row.month, received: Number(row.received), resolved: Number(row.resolved) }));
}
