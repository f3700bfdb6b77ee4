import { z } from "zod";
import { shownText } from "@/lib/input/schema.ts";

const organisationId = z.string().regex(/^[a-z0-9_]{1,64}$/i, "invalid");
const reason = shownText(z.string().trim().min(5, "reasonTooShort").max(1000, "tooBig"));

/** The queue the decision was made from, to return to it. */
const status = z.enum(["PENDING", "VERIFIED", "REJECTED", "SUSPENDED"]).catch("PENDING");

export const organisationDecisionSchema = z.object({ organisationId, status });
export const organisationDecisionWithReasonSchema = z.object({ organisationId, status, reason });
