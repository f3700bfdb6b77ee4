import { describe, expect, it } from "vitest";
import type { PledgeStatus } from "@/lib/generated/prisma/enums.ts";
import { checkTransition, nextSteps, type PledgeActor } from "./state-machine.ts";

const STATUSES: PledgeStatus[] = [
  "SUBMITTED",
  "APPROVED",
  "REJECTED",
  "SCHEDULED",
  "IN_DELIVERY",
  "DELIVERED",
  "CONFIRMED",
  "CANCELLED",
  "EXPIRED",
];
const ACTORS: PledgeActor[] = ["staff", "donor", "deliverer", "system", "closure"];

// The lifecycle written out independently of the implementation's table.
const ALLOWED = new Set([
  "SUBMITTED>APPROVED:staff",
  "SUBMITTED>REJECTED:staff",
  "SUBMITTED>CANCELLED:donor",
  "SUBMITTED>EXPIRED:system",
  "APPROVED>SCHEDULED:deliverer",
  "APPROVED>CANCELLED:donor",
  "APPROVED>EXPIRED:system",
  "SCHEDULED>IN_DELIVERY:deliverer",
  "SCHEDULED>CANCELLED:donor",
  "SCHEDULED>EXPIRED:system",
  // Closing a need may cancel its pledges that are not yet in delivery.
  "SUBMITTED>CANCELLED:closure",
  "APPROVED>CANCELLED:closure",
  "SCHEDULED>CANCELLED:closure",
  "IN_DELIVERY>DELIVERED:deliverer",
  "IN_DELIVERY>EXPIRED:system",
  "DELIVERED>CONFIRMED:staff",
]);

describe("pledge state machine", () => {
  for (const from of STATUSES) {
    for (const to of STATUSES) {
      for (const actor of ACTORS) {
        const key = `${from}>${to}:${actor}`;
        const allowed = ALLOWED.has(key);
        it(`${allowed ? "allows" : "refuses"} ${from} → ${to} by ${actor}`, () => {
          expect(checkTransition(from, to, actor).ok).toBe(allowed);
        });
      }
    }
  }

  it("says why a transition is refused", () => {
    expect(checkTransition("SUBMITTED", "APPROVED", "donor")).toEqual({ ok: false, reason: "wrongActor" });
    expect(checkTransition("CONFIRMED", "CANCELLED", "donor")).toEqual({ ok: false, reason: "notAllowed" });
    expect(checkTransition("IN_DELIVERY", "CANCELLED", "donor")).toEqual({ ok: false, reason: "notAllowed" });
  });

  it("lists the next steps of each party", () => {
    expect(nextSteps("SUBMITTED", "staff").sort()).toEqual(["APPROVED", "REJECTED"]);
    expect(nextSteps("SUBMITTED", "donor")).toEqual(["CANCELLED"]);
    expect(nextSteps("APPROVED", "deliverer")).toEqual(["SCHEDULED"]);
    expect(nextSteps("DELIVERED", "donor")).toEqual([]);
    expect(nextSteps("SUBMITTED", "staff")).not.toContain("CANCELLED");
    expect(nextSteps("IN_DELIVERY", "closure")).toEqual([]);
  });
});
