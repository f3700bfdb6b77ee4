import "server-only";
import { NotFoundError, STAFF_ROLES, type Caller } from "@/lib/auth/guards.ts";
import { organisationsWaiting } from "@/lib/organisations/queries.ts";
import { pledgesWaiting } from "@/lib/pledges/queries.ts";

/** Items each queue of the inbox shows; the rest are behind its "see all" link. */
export const INBOX_PREVIEW = 5;

/**
 * What waits for city staff, longest waiting first: pledges to review, deliveries to
 * confirm, organisations to verify. Each queue is a count and a short list (six small
 * queries on indexed columns), in the same order as the full list its link opens.
 */
export async function staffInbox(caller: Caller, preview = INBOX_PREVIEW) {
  if (!STAFF_ROLES.includes(caller.role)) throw new NotFoundError();
  const [review, deliveries, organisations] = await Promise.all([
    pledgesWaiting(caller, "SUBMITTED", preview),
    pledgesWaiting(caller, "DELIVERED", preview),
    organisationsWaiting(caller, preview),
  ]);
  return { review, deliveries, organisations };
}

export type StaffInbox = Awaited<ReturnType<typeof staffInbox>>;
