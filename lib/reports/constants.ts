// The report workflow's names, without zod: client components import these, and a zod
// schema in the browser would try eval, which the CSP blocks (tests/security/e2e/pages.spec.ts).

export const REPORT_SUBJECTS = ["NEED", "DELIVERY", "KELURAHAN", "ORGANISATION"] as const;
export const REPORT_CATEGORIES = ["WRONG_INFORMATION", "NOT_DELIVERED", "MISUSE_OF_NAME", "OTHER"] as const;
export const REPORT_STATUSES = ["NEW", "IN_REVIEW", "RESOLVED", "REJECTED"] as const;
export type ReportSubjectKind = (typeof REPORT_SUBJECTS)[number];
export type ReportStatusName = (typeof REPORT_STATUSES)[number];

/** Where a report may go from each status; closed reports stay closed. */
export const REPORT_TRANSITIONS: Record<ReportStatusName, readonly ReportStatusName[]> = {
  NEW: ["IN_REVIEW", "RESOLVED", "REJECTED"],
  IN_REVIEW: ["RESOLVED", "REJECTED"],
  RESOLVED: [],
  REJECTED: [],
};
