/** Badge colour of each need status on the staff pages. */
export const NEED_STATUS_TONE = { DRAFT: "neutral", OPEN: "info", FULFILLED: "success", CLOSED: "urgent" } as const;
