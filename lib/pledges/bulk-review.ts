import "server-only";
import type { z } from "zod";
import { ActionError } from "@/lib/actions/errors.ts";
import { NotFoundError } from "@/lib/auth/errors.ts";
import type { Caller } from "@/lib/auth/guards.ts";
import { pledgeReferences } from "./queries.ts";
import type { bulkReviewSchema, changePledgeStatusSchema } from "./schema.ts";

// A bulk review changes each ticked pledge in its own transaction. Two refusals are part
// of reviewing a list that others work on too, and only those are skipped: the pledge was
// changed after the list was loaded (its version moved on), or its status no longer allows
// the step. Anything else — a database outage above all — stops the review: what was
// changed stays changed (each change is committed on its own) and the answer says how many.
// Every ticked pledge is looked up before the first change, so a list naming a pledge that
// does not exist is refused whole, with nothing changed. A pledge deleted while the review
// runs counts as changed meanwhile.

export type SkipReason = "changed" | "notReviewable";

export interface BulkReviewOutcome {
  changed: number;
  /** In the order they were ticked, each named by its pledge code. */
  skipped: { pledgeId: string; reference: string; reason: SkipReason }[];
}

type ChangeStatus = (caller: Caller, input: z.infer<typeof changePledgeStatusSchema>) => Promise<unknown>;

/** Which expected refusal this is, or undefined for anything a review must not pass over. */
export function skipReason(error: unknown): SkipReason | undefined {
  // FORBIDDEN (the caller may never take this step) and every other refusal are not "skipped".
  if (error instanceof NotFoundError) return "changed";
  if (!(error instanceof ActionError) || error.code !== "CONFLICT") return undefined;
  if (error.messageKey === "pledgeChanged") return "changed";
  if (error.messageKey === "transitionNotAllowed") return "notReviewable";
  return undefined;
}

export async function reviewPledges(
  caller: Caller,
  input: z.infer<typeof bulkReviewSchema>,
  changeStatus: ChangeStatus,
): Promise<BulkReviewOutcome> {
  const entries = input["pledge[]"].map((entry) => {
    const [pledgeId, version] = entry.split(":") as [string, string];
    return { pledgeId, version: Number(version) };
  });
  // Looked up first: an unknown pledge refuses the whole list before anything changes.
  const references = await pledgeReferences(
    caller,
    entries.map((entry) => entry.pledgeId),
  );
  if (entries.some((entry) => !references.has(entry.pledgeId))) throw new NotFoundError();
  let changed = 0;
  const skipped: { pledgeId: string; reason: SkipReason }[] = [];
  for (const [index, { pledgeId, version }] of entries.entries()) {
    try {
      await changeStatus(caller, { pledgeId, version, to: input.to, reason: input.reason });
      changed += 1;
    } catch (error) {
      const reason = skipReason(error);
      if (reason) {
        skipped.push({ pledgeId, reason });
        continue;
      }
      console.error(
        `[review] bulk review by ${caller.id} (to ${input.to}) stopped at pledge ${pledgeId}, ${index + 1} of ${entries.length}: ` +
          `${changed} changed before the error, ${entries.length - index} not changed`,
        error,
      );
      // Nothing written yet: the action's own answer (the generic error, or the refusal's) is true as it stands.
      if (changed === 0) throw error;
      throw new ActionError("ERROR", "review.bulkStopped", undefined, { params: { changed } });
    }
  }
  return { changed, skipped: skipped.map((skip) => ({ ...skip, reference: references.get(skip.pledgeId) ?? skip.pledgeId })) };
}
