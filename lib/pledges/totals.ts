// The need row keeps running totals of its pledges: pledged and delivered (used by the
// pledge form and the CHECK that keeps coverage within target), approved and confirmed
// (read by every coverage figure, lib/coverage/queries.ts). lib/pledges/service.ts keeps
// them with each change; the seeds, which write pledges in bulk, set approved and
// confirmed with this statement afterwards.

import type { PledgeStatus } from "@/lib/generated/prisma/enums.ts";

/** A pledge the city has accepted, whatever its delivery progress. */
export const APPROVED_PLEDGE_STATUSES: readonly PledgeStatus[] = ["APPROVED", "SCHEDULED", "IN_DELIVERY", "DELIVERED", "CONFIRMED"];

/** The same statuses as SQL literals, for statements written as text. */
export const APPROVED_STATUSES_SQL = APPROVED_PLEDGE_STATUSES.map((status) => `'${status}'`).join(", ");

/** Recomputes every need's approved and confirmed totals from its pledges. */
export const NEED_APPROVAL_TOTALS_SQL = `
  UPDATE need n
     SET approved_quantity = COALESCE((SELECT SUM(quantity) FROM pledge WHERE need_id = n.id AND status IN (${APPROVED_STATUSES_SQL})), 0),
         confirmed_quantity = COALESCE((SELECT SUM(delivered_quantity) FROM pledge WHERE need_id = n.id AND status = 'CONFIRMED'), 0)`;

/** How a status change moves the need's approved and confirmed totals. */
export function approvalTotalsChange(pledge: { status: PledgeStatus; quantity: number; deliveredQuantity: number }, to: PledgeStatus, extraDelivered = 0) {
  const was = APPROVED_PLEDGE_STATUSES.includes(pledge.status);
  const is = APPROVED_PLEDGE_STATUSES.includes(to);
  return {
    approved: (Number(is) - Number(was)) * pledge.quantity,
    confirmed: to === "CONFIRMED" && pledge.status !== "CONFIRMED" ? pledge.deliveredQuantity + extraDelivered : 0,
  };
}
