// An independent model of needs and their pledges, for the model test
// (tests/integration/need-totals.model.test.ts). It knows nothing of the database: it
// tracks every pledge's status, quantity, delivered amount and version, every need's
// target, status and version, and says, for each operation, whether the portal must
// accept it, what it changes, and which audit events it writes. The need totals are
// computed here from the rules as the portal states them (docs/decisions/0017, the
// pledge lifecycle in lib/pledges/state-machine.ts), written out again on purpose: a
// wrong SQL function or view would agree with the stored columns, but not with this.
//
// Nothing here is imported from lib/: a shared constant would make the model wrong
// exactly when the app is.

export type PledgeStatus =
  "SUBMITTED" | "APPROVED" | "REJECTED" | "SCHEDULED" | "IN_DELIVERY" | "DELIVERED" | "CONFIRMED" | "CANCELLED" | "EXPIRED";
export type NeedStatus = "DRAFT" | "OPEN" | "FULFILLED" | "CLOSED";
export type DeliveryMode = "DIRECT" | "AGGREGATOR";
/** Who calls: the city's staff, one of two donor organisations, or the aggregator serving the needs' kelurahan. */
export type Actor = "staff" | "donor0" | "donor1" | "aggregator";

export interface Totals {
  pledged: number;
  approved: number;
  delivered: number;
  confirmed: number;
}

export interface ModelPledge {
  id: string;
  needId: string;
  donor: "donor0" | "donor1";
  mode: DeliveryMode;
  quantity: number;
  delivered: number;
  status: PledgeStatus;
  version: number;
}

export interface ModelNeed {
  id: string;
  item: string;
  target: number;
  status: NeedStatus;
  version: number;
}

/** One audit row as the test compares it. */
export interface ExpectedEvent {
  entityType: string;
  entityId: string;
  action: string;
  from: string | null;
  to: string | null;
}

export const eventLabel = (e: ExpectedEvent) => `${e.entityType}:${e.entityId} ${e.action} ${e.from ?? "-"}→${e.to ?? "-"}`;

// ---------------------------------------------------------------------------------------
// The rules.

/**
 * What one pledge adds to its need, from the lifecycle: a pledge holds its whole quantity
 * until it is turned down, withdrawn or lapses, and then keeps only what already arrived;
 * the city's acceptance counts the whole quantity from approval onwards (through delivery
 * and confirmation); deliveries count whatever happens afterwards; confirmation counts
 * what was delivered.
 */
export function contribution(p: Pick<ModelPledge, "status" | "quantity" | "delivered">): Totals {
  switch (p.status) {
    case "SUBMITTED":
      return { pledged: p.quantity, approved: 0, delivered: p.delivered, confirmed: 0 };
    case "APPROVED":
    case "SCHEDULED":
    case "IN_DELIVERY":
    case "DELIVERED":
      return { pledged: p.quantity, approved: p.quantity, delivered: p.delivered, confirmed: 0 };
    case "CONFIRMED":
      return { pledged: p.quantity, approved: p.quantity, delivered: p.delivered, confirmed: p.delivered };
    case "REJECTED":
    case "CANCELLED":
    case "EXPIRED":
      return { pledged: p.delivered, approved: 0, delivered: p.delivered, confirmed: 0 };
  }
}

export function totalsOf(pledges: readonly Pick<ModelPledge, "status" | "quantity" | "delivered">[]): Totals {
  const sum: Totals = { pledged: 0, approved: 0, delivered: 0, confirmed: 0 };
  for (const p of pledges) {
    const c = contribution(p);
    sum.pledged += c.pledged;
    sum.approved += c.approved;
    sum.delivered += c.delivered;
    sum.confirmed += c.confirmed;
  }
  return sum;
}

/** An open need is fulfilled exactly when everything is pledged; a draft or closed one keeps its status. */
export function settledStatus(status: NeedStatus, pledged: number, target: number): NeedStatus {
  if (status !== "OPEN" && status !== "FULFILLED") return status;
  return pledged >= target ? "FULFILLED" : "OPEN";
}

type Role = "staff" | "donor" | "deliverer" | "system" | "closure";

/** The lifecycle: from → to → who may. */
const LIFECYCLE: Record<PledgeStatus, Partial<Record<PledgeStatus, readonly Role[]>>> = {
  SUBMITTED: { APPROVED: ["staff"], REJECTED: ["staff"], CANCELLED: ["donor", "closure"], EXPIRED: ["system"] },
  APPROVED: { SCHEDULED: ["deliverer"], CANCELLED: ["donor", "closure"], EXPIRED: ["system"] },
  SCHEDULED: { IN_DELIVERY: ["deliverer"], CANCELLED: ["donor", "closure"], EXPIRED: ["system"] },
  IN_DELIVERY: { DELIVERED: ["deliverer"], EXPIRED: ["system"] },
  DELIVERED: { CONFIRMED: ["staff"] },
  CONFIRMED: {},
  REJECTED: {},
  CANCELLED: {},
  EXPIRED: {},
};

const may = (from: PledgeStatus, to: PledgeStatus, roles: readonly Role[]) =>
  roles.some((role) => LIFECYCLE[from][to]?.includes(role) ?? false);

/** The parts an actor plays in a pledge: staff review, the donor owns it, the deliverer brings it. */
export function rolesOf(actor: Actor, p: ModelPledge): Role[] {
  if (actor === "staff") return ["staff"];
  if (actor === "aggregator") return p.mode === "AGGREGATOR" ? ["deliverer"] : [];
  if (actor !== p.donor) return [];
  return p.mode === "DIRECT" ? ["donor", "deliverer"] : ["donor"];
}

/** Who would naturally do this step: staff review and confirm, the donor cancels, the deliverer schedules and delivers. */
export function naturalActor(to: PledgeStatus | "delivery", p: ModelPledge): Actor {
  if (to === "APPROVED" || to === "REJECTED" || to === "CONFIRMED") return "staff";
  if (to === "CANCELLED") return p.donor;
  return p.mode === "AGGREGATOR" ? "aggregator" : p.donor;
}

const OPEN_PLEDGE: readonly PledgeStatus[] = ["SUBMITTED", "APPROVED", "SCHEDULED", "IN_DELIVERY"];

// ---------------------------------------------------------------------------------------
// The model: each method says whether the operation must be accepted and, if so, which
// audit events it writes and how to apply it to the model once the app has done it.

export type Expectation<T = void> =
  { accepted: false; why: string } | { accepted: true; events: ExpectedEvent[]; apply: (result: T) => void };

const refused = (why: string) => ({ accepted: false as const, why });

export class NeedTotalsModel {
  readonly needs: ModelNeed[] = [];
  readonly pledges: ModelPledge[] = [];
  /** Operations applied to this model so far, accepted or not (the run's limit counts them). */
  operations = 0;

  constructor(readonly programId: string) {}

  need(id: string): ModelNeed {
    const need = this.needs.find((n) => n.id === id);
    if (!need) throw new Error(`model: no need ${id}`);
    return need;
  }

  pledgesOf(needId: string): ModelPledge[] {
    return this.pledges.filter((p) => p.needId === needId);
  }

  totals(needId: string): Totals {
    return totalsOf(this.pledgesOf(needId));
  }

  /** Re-settles a need's open/fulfilled status after its pledged total or target moved. */
  private settle(need: ModelNeed) {
    need.status = settledStatus(need.status, this.totals(need.id).pledged, need.target);
  }

  addNeed(need: ModelNeed) {
    this.needs.push({ ...need, status: settledStatus(need.status, 0, need.target) });
  }

  createPledge(needId: string, actor: Actor, quantity: number, mode: DeliveryMode): Expectation<string> {
    if (actor === "staff" || actor === "aggregator") return refused("only donors pledge");
    const need = this.need(needId);
    if (need.status !== "OPEN") return refused(`need is ${need.status}`);
    const pledged = this.totals(needId).pledged;
    if (pledged + quantity > need.target) return refused(`${pledged} + ${quantity} exceeds target ${need.target}`);
    return {
      accepted: true,
      events: [{ entityType: "pledge", entityId: "(new)", action: "pledge.created", from: null, to: "SUBMITTED" }],
      apply: (id) => {
        this.pledges.push({ id, needId, donor: actor, mode, quantity, delivered: 0, status: "SUBMITTED", version: 0 });
        this.settle(need);
      },
    };
  }

  /** A status change through the pledge page (approve, reject, cancel, schedule, start delivery, confirm). */
  changeStatus(p: ModelPledge, actor: Actor, to: PledgeStatus): Expectation {
    const roles = rolesOf(actor, p);
    if (roles.length === 0) return refused(`${actor} plays no part in this pledge`);
    if (!may(p.status, to, roles)) return refused(`${p.status} → ${to} not allowed for ${roles.join("/")}`);
    if (to === "CONFIRMED" && p.delivered !== p.quantity) return refused("not fully delivered");
    return {
      accepted: true,
      events: [{ entityType: "pledge", entityId: p.id, action: "pledge.status_changed", from: p.status, to }],
      apply: () => {
        p.status = to;
        p.version += 1;
        this.settle(this.need(p.needId));
      },
    };
  }

  /** One delivery of `quantity` (or of everything still missing) by the actor. */
  deliver(p: ModelPledge, actor: Actor, quantity: number | "rest"): Expectation {
    const roles = rolesOf(actor, p);
    if (!roles.includes("deliverer")) return refused(`${actor} does not deliver this pledge`);
    if (p.status !== "SCHEDULED" && p.status !== "IN_DELIVERY") return refused(`cannot deliver a ${p.status} pledge`);
    const remaining = p.quantity - p.delivered;
    const amount = quantity === "rest" ? remaining : quantity;
    if (amount > remaining) return refused(`${amount} exceeds the ${remaining} still to deliver`);
    const complete = amount === remaining;
    const events: ExpectedEvent[] = [];
    const change = (from: PledgeStatus, to: PledgeStatus) =>
      events.push({ entityType: "pledge", entityId: p.id, action: "pledge.status_changed", from, to });
    let status: PledgeStatus = p.status;
    let versions = 0;
    if (status === "SCHEDULED") {
      change("SCHEDULED", "IN_DELIVERY");
      status = "IN_DELIVERY";
      versions += 1;
    }
    // The delivery is recorded before the pledge becomes DELIVERED (its history reads in order).
    events.push({ entityType: "pledge", entityId: p.id, action: "pledge.delivery_recorded", from: null, to: null });
    if (complete) {
      change("IN_DELIVERY", "DELIVERED");
      status = "DELIVERED";
      versions += 1;
    } else if (p.status === "IN_DELIVERY") versions += 1;
    return {
      accepted: true,
      events,
      apply: () => {
        p.delivered += amount;
        p.status = status;
        p.version += versions;
        this.settle(this.need(p.needId));
      },
    };
  }

  /** The daily expiry, run after this pledge's planned date lies beyond the grace period. */
  expire(p: ModelPledge): Expectation {
    if (!may(p.status, "EXPIRED", ["system"])) return refused(`a ${p.status} pledge does not expire`);
    return this.changeStatusAs(p, "EXPIRED");
  }

  private changeStatusAs(p: ModelPledge, to: PledgeStatus): Expectation {
    return {
      accepted: true,
      events: [{ entityType: "pledge", entityId: p.id, action: "pledge.status_changed", from: p.status, to }],
      apply: () => {
        p.status = to;
        p.version += 1;
        this.settle(this.need(p.needId));
      },
    };
  }

  /** An operator deletes a pledge row with SQL (no app path does; the totals must follow anyway). */
  deleteBySql(p: ModelPledge): Expectation {
    if (p.delivered > 0) return refused("deliveries refer to it");
    return {
      accepted: true,
      events: [],
      apply: () => {
        this.pledges.splice(this.pledges.indexOf(p), 1);
        this.settle(this.need(p.needId));
      },
    };
  }

  close(needId: string, actor: Actor, pledges: "none" | "keep" | "cancel"): Expectation {
    if (actor !== "staff") return refused("only staff close needs");
    const need = this.need(needId);
    if (need.status === "CLOSED") return refused("already closed");
    const open = this.pledgesOf(needId).filter((p) => OPEN_PLEDGE.includes(p.status));
    if (open.length > 0 && pledges === "none") return refused("must choose what happens to open pledges");
    // Closure cancels, in id order, what the lifecycle lets it cancel (not yet in delivery).
    const cancelled =
      pledges === "cancel" ? open.filter((p) => may(p.status, "CANCELLED", ["closure"])).sort((a, b) => (a.id < b.id ? -1 : 1)) : [];
    return {
      accepted: true,
      events: [
        ...cancelled.map((p) => ({
          entityType: "pledge",
          entityId: p.id,
          action: "pledge.status_changed",
          from: p.status,
          to: "CANCELLED",
        })),
        { entityType: "need", entityId: needId, action: "need.closed", from: need.status, to: "CLOSED" },
      ],
      apply: () => {
        for (const p of cancelled) {
          p.status = "CANCELLED";
          p.version += 1;
        }
        need.status = "CLOSED";
        need.version += 1;
      },
    };
  }

  editTarget(needId: string, actor: Actor, target: number): Expectation {
    if (actor !== "staff") return refused("only staff edit needs");
    const need = this.need(needId);
    const pledged = this.totals(needId).pledged;
    if (target < pledged) return refused(`target ${target} below pledged ${pledged}`);
    const after = settledStatus(need.status, pledged, target);
    return {
      accepted: true,
      events: [{ entityType: "need", entityId: needId, action: "need.updated", from: need.status, to: after }],
      apply: () => {
        need.target = target;
        need.status = after;
        need.version += 1;
      },
    };
  }

  reopen(needId: string, actor: Actor): Expectation {
    if (actor !== "staff") return refused("only staff reopen needs");
    const need = this.need(needId);
    if (need.status !== "CLOSED") return refused(`need is ${need.status}, not closed`);
    const after = settledStatus("OPEN", this.totals(needId).pledged, need.target);
    return {
      accepted: true,
      events: [{ entityType: "need", entityId: needId, action: "need.reopened", from: "CLOSED", to: after }],
      apply: () => {
        need.status = after;
        need.version += 1;
      },
    };
  }

  /**
   * A CSV import of one row. It only ever creates needs: a row naming a need of the program
   * that is not closed (same kelurahan, item, unit and RW) refuses the whole file, so an
   * import cannot change an existing need's target.
   */
  importNeed(item: string, target: number, status: "DRAFT" | "OPEN"): Expectation<string> {
    const live = this.needs.find((n) => n.item === item && n.status !== "CLOSED");
    if (live) return refused(`"${item}" already exists`);
    return {
      accepted: true,
      events: [{ entityType: "program", entityId: this.programId, action: "needs.imported", from: null, to: status }],
      apply: (id) => this.addNeed({ id, item, target, status, version: 0 }),
    };
  }
}
