import "server-only";
import type { z } from "zod";
import { ActionError } from "@/lib/actions/errors.ts";
import { recordAudit } from "@/lib/audit/record.ts";
import { assertStaff, NotFoundError, type Caller } from "@/lib/auth/guards.ts";
import { takeRateLimit } from "@/lib/auth/rate-limit.ts";
import { db } from "@/lib/db/index.ts";
import { htmlMail, portalLink, translator } from "@/lib/notifications/mail.ts";
import { reportSubject } from "./queries.ts";
import {
  REPORT_TRANSITIONS,
  REPORTS_PER_ADDRESS_PER_HOUR,
  isEmailContact,
  type changeReportStatusSchema,
  type fileReportSchema,
} from "./schema.ts";

const HOUR_MS = 60 * 60 * 1000;

export type FiledReport = { reference: string } | { reference: null; robot: true };

/**
 * Files a report from anyone. The limit is taken first, in one database call per request
 * (ksbb_take_rate_limit), so a burst from one address passes exactly the limit. A filled-in
 * honeypot is answered like a success and stores nothing, so a robot learns nothing.
 */
export async function fileReport(
  input: z.infer<typeof fileReportSchema>,
  { ip, locale }: { ip: string; locale: "id" | "en" },
): Promise<FiledReport> {
  if (!(await takeRateLimit(`report:ip:${ip}`, REPORTS_PER_ADDRESS_PER_HOUR, HOUR_MS))) {
    throw new ActionError("RATE_LIMITED", "reports.errors.tooMany");
  }
  if (input.website) return { reference: null, robot: true };
  const subject = await reportSubject(input.subjectKind, input.subjectId);
  if (!subject) throw new ActionError("NOT_FOUND", "reports.errors.unknownSubject");
  return db.$transaction(async (tx) => {
    const report = await tx.publicReport.create({
      data: {
        subjectKind: input.subjectKind,
        subjectId: input.subjectId,
        category: input.category,
        description: input.description,
        contact: input.contact ?? null,
        locale,
      },
      select: { id: true, reference: true },
    });
    // The contact is never copied into the audit trail.
    await recordAudit(tx, {
      actor: null,
      entityType: "report",
      entityId: report.id,
      action: "report.filed",
      toStatus: "NEW",
      metadata: { subjectKind: input.subjectKind, subjectId: input.subjectId, category: input.category, withContact: !!input.contact },
    });
    return { reference: report.reference };
  });
}

/**
 * Moves a report along its workflow (REPORT_TRANSITIONS), with an audit event. Closing it
 * (resolved or rejected) needs a reply, which is mailed to the reporter when the contact
 * is an e-mail address, in the reporter's language.
 */
export async function changeReportStatus(caller: Caller, input: z.infer<typeof changeReportStatusSchema>) {
  assertStaff(caller);
  if (!REPORT_TRANSITIONS[input.from].includes(input.to)) throw new ActionError("CONFLICT", "reports.errors.notAllowed");
  const closing = input.to === "RESOLVED" || input.to === "REJECTED";
  return db.$transaction(async (tx) => {
    const report = await tx.publicReport.findUnique({
      where: { id: input.reportId },
      select: { id: true, reference: true, contact: true, locale: true },
    });
    if (!report) throw new NotFoundError();
    // Only from the status the form was shown with: two staff members cannot both close it.
    const updated = await tx.publicReport.updateMany({
      where: { id: report.id, status: input.from },
      data: {
        status: input.to,
        handledById: caller.id,
        ...(closing && { reply: input.reply, closedAt: new Date() }),
      },
    });
    if (updated.count !== 1) throw new ActionError("CONFLICT", "reports.errors.changedMeanwhile");
    const mailed = closing && isEmailContact(report.contact);
    if (mailed) await tx.emailOutbox.create({ data: replyMail(report.contact!, report.locale, report.reference, input.to, input.reply!) });
    await recordAudit(tx, {
      actor: { id: caller.id, organisationId: caller.organisationId },
      entityType: "report",
      entityId: report.id,
      action: "report.status_changed",
      fromStatus: input.from,
      toStatus: input.to,
      reason: input.reply ?? null,
      metadata: { replyMailed: mailed },
    });
    return { mailed, reference: report.reference };
  });
}

function replyMail(to: string, locale: string, reference: string, status: "RESOLVED" | "REJECTED" | "IN_REVIEW", reply: string) {
  const t = translator(locale === "en" ? "en" : "id", "mail");
  const subject = `[KSBB] ${t("reportReplySubject", { reference })}`;
  const paragraphs = [t(status === "RESOLVED" ? "reportResolved" : "reportRejected", { reference }), reply, t("reportReplyFooter")];
  const link = portalLink("/laporkan");
  return {
    toAddress: to,
    subject,
    body: `${paragraphs.join("\n\n")}\n\n${link}\n\n-- \nKSBB Jakarta`,
    html: htmlMail(locale === "en" ? "en" : "id", subject, paragraphs, { label: t("reportReplyLink"), href: link }),
  };
}
