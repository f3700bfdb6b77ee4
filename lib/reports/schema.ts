import { z } from "zod";
import { shownText } from "@/lib/input/schema.ts";

// Public reports ("Laporkan", issue 16): what anyone may send, and what staff may do with it.

import {
  REPORT_CATEGORIES,
  REPORT_STATUSES,
  REPORT_SUBJECTS,
  REPORT_TRANSITIONS,
  type ReportStatusName,
  type ReportSubjectKind,
} from "./constants.ts";

export { REPORT_CATEGORIES, REPORT_STATUSES, REPORT_SUBJECTS, REPORT_TRANSITIONS, type ReportStatusName, type ReportSubjectKind };

/** Reports one address may send per hour (every process counts in the database). */
export const REPORTS_PER_ADDRESS_PER_HOUR = 5;

/** The page and its links: /laporkan?tentang=need&id=… ; the kind in the address is lower-case. */
export const subjectParams = z.object({
  tentang: z
    .string()
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(REPORT_SUBJECTS))
    .optional()
    .catch(undefined),
  id: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .optional()
    .catch(undefined),
});

export function reportHref(kind: ReportSubjectKind, id: string): string {
  return `/laporkan?tentang=${kind.toLowerCase()}&id=${encodeURIComponent(id)}`;
}

const subjectId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "invalid");

export const fileReportSchema = z.object({
  subjectKind: z.enum(REPORT_SUBJECTS, "invalid"),
  subjectId,
  category: z.enum(REPORT_CATEGORIES, "reports.errors.categoryRequired"),
  description: shownText(z.string("required").trim().min(10, "reports.errors.descriptionTooShort").max(2000, "tooBig")),
  // Optional: an e-mail address or a phone number, only for the reply.
  contact: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    shownText(z.string().trim().min(3, "reports.errors.contactInvalid").max(200, "tooBig").optional()),
  ),
  // The honeypot: a field people never see. Anything in it marks the sender as a robot.
  website: z.string().max(500).optional(),
});

/** The staff queue's filters: new reports first. */
export const reportQueueParams = z.object({
  status: z.enum(REPORT_STATUSES).catch("NEW"),
});

export const changeReportStatusSchema = z
  .object({
    reportId: z.string().regex(/^[a-z0-9_]{1,64}$/i, "invalid"),
    from: z.enum(REPORT_STATUSES, "invalid"),
    to: z.enum(["IN_REVIEW", "RESOLVED", "REJECTED"], "invalid"),
    reply: z.preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
      shownText(z.string().trim().min(5, "reports.errors.replyTooShort").max(2000, "tooBig").optional()),
    ),
  })
  .refine((input) => input.to === "IN_REVIEW" || input.reply !== undefined, { path: ["reply"], message: "reports.errors.replyRequired" });

/** An e-mail address the reply can be mailed to; a phone number is called by staff instead. */
export const isEmailContact = (contact: string | null | undefined): contact is string =>
  !!contact && z.email().safeParse(contact).success;
