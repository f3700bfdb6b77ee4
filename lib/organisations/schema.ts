import { z } from "zod";

const noMarkup = (value: string) => !/[<>]/.test(value);
const organisationId = z.string().regex(/^[a-z0-9_]{1,64}$/i, "invalid");
const reason = z.string().trim().min(5, "reasonTooShort").max(1000, "tooBig").refine(noMarkup, "noMarkup");

/** The queue the decision was made from, to return to it. */
const status = z.enum(["PENDING", "VERIFIED", "REJECTED", "SUSPENDED"]).catch("PENDING");

export const organisationDecisionSchema = z.object({ organisationId, status });
export const organisationDecisionWithReasonSchema = z.object({ organisationId, status, reason });
