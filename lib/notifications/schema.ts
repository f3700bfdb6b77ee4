import { z } from "zod";

export const OUTBOX_STATUSES = ["FAILED", "PENDING", "SENDING", "SENT"] as const;

/** The retry form: one FAILED mail, and the list it was sent from (to return to it). */
export const retryMailSchema = z.object({
  mailId: z.string().regex(/^[a-z0-9_-]{1,64}$/i, "invalid"),
  status: z.enum(OUTBOX_STATUSES).catch("FAILED"),
});
