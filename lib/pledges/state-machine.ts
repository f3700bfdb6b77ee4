import type { PledgeStatus } from "@/lib/generated/prisma/enums.ts";

// The pledge lifecycle, in one place. Every status change in the portal asks this
// table; anything not listed here is refused.
//
//   SUBMITTED ─staff→ APPROVED ─deliverer→ SCHEDULED ─deliverer→ IN_DELIVERY ─deliverer→ DELIVERED ─staff→ CONFIRMED
//       │ staff→ REJECTED          │ donor→ CANCELLED   │ donor→ CANCELLED      │
//       │ donor→ CANCELLED         └ system→ EXPIRED    └ system→ EXPIRED       └ system→ EXPIRED
//       └ system→ EXPIRED
//
// "deliverer" is the chosen aggregator, or the donor when delivering directly.
// "closure" is city staff closing the need a pledge is for and choosing to cancel the
// pledges not yet in delivery (lib/needs/service.ts); staff cannot cancel a pledge
// on its own, so no pledge page offers it.

export type PledgeActor = "staff" | "donor" | "deliverer" | "system" | "closure";

export const TRANSITIONS: Readonly<Record<PledgeStatus, Partial<Record<PledgeStatus, PledgeActor | readonly PledgeActor[]>>>> = {
  SUBMITTED: { APPROVED: "staff", REJECTED: "staff", CANCELLED: ["donor", "closure"], EXPIRED: "system" },
  APPROVED: { SCHEDULED: "deliverer", CANCELLED: ["donor", "closure"], EXPIRED: "system" },
  SCHEDULED: { IN_DELIVERY: "deliverer", CANCELLED: ["donor", "closure"], EXPIRED: "system" },
  IN_DELIVERY: { DELIVERED: "deliverer", EXPIRED: "system" },
  DELIVERED: { CONFIRMED: "staff" },
  CONFIRMED: {},
  REJECTED: {},
  CANCELLED: {},
  EXPIRED: {},
};

/** Pledges still on their way to the kelurahan: closing their need asks what to do with them. */
export const OPEN_PLEDGE_STATUSES: readonly PledgeStatus[] = ["SUBMITTED", "APPROVED", "SCHEDULED", "IN_DELIVERY"];
/** Statuses whose undelivered quantity goes back to the need. */
export const RELEASING: ReadonlySet<PledgeStatus> = new Set(["REJECTED", "CANCELLED", "EXPIRED"]);
/** Transitions that must say why. */
export const NEEDS_REASON: ReadonlySet<PledgeStatus> = new Set(["REJECTED", "CANCELLED"]);
/** Statuses from which a delivery may be recorded. */
export const DELIVERABLE: ReadonlySet<PledgeStatus> = new Set(["SCHEDULED", "IN_DELIVERY"]);
/** A pledge not delivered this many days after its planned date expires. */
export const EXPIRY_GRACE_DAYS = 14;

export type TransitionCheck = { ok: true } | { ok: false; reason: "notAllowed" | "wrongActor" };

export function checkTransition(from: PledgeStatus, to: PledgeStatus, actor: PledgeActor): TransitionCheck {
  const allowed = TRANSITIONS[from][to];
  if (!allowed) return { ok: false, reason: "notAllowed" };
  return [allowed].flat().includes(actor) ? { ok: true } : { ok: false, reason: "wrongActor" };
}

/** What the given actor may do next with a pledge in this status (for "next step" hints and buttons). */
export function nextSteps(from: PledgeStatus, actor: PledgeActor): PledgeStatus[] {
  return (Object.entries(TRANSITIONS[from]) as [PledgeStatus, PledgeActor | readonly PledgeActor[]][])
    .filter(([, who]) => [who].flat().includes(actor))
    .map(([to]) => to);
}
