import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { currentUser, NotFoundError, type Caller } from "@/lib/auth/guards.ts";
import { addDays, dateOnly, isoDate, jakartaToday } from "@/lib/dates.ts";
import {
  defaultTab,
  deliveryManifest,
  groupByDayAndKelurahan,
  QUEUE_PAGE_SIZE,
  queueCounts,
  queuePage,
  type QueueFilters,
} from "@/lib/deliveries/queries.ts";
import { manifestParams, normalisePledgeCode, QUEUE_TABS, queueParams, type QueueTab } from "@/lib/deliveries/schema.ts";
import { pledgeReference } from "@/lib/pledges/reference.ts";
import { sql } from "@/tests/helpers/db.ts";
import { freshNeed } from "@/tests/helpers/pledges.ts";
import { actAs, userIdByEmail } from "@/tests/helpers/session.ts";

// The aggregator's delivery queue (lib/deliveries/queries.ts): which tab holds a pledge,
// the "today and this week" window in Jakarta days, search by pledge code, and that an
// aggregator only ever sees the pledges it delivers.

const orgs: Record<string, string> = {};
const users: Record<string, string> = {};

async function callerFor(userId: string): Promise<Caller> {
  actAs(userId);
  return (await currentUser())!;
}

/** A day counted from a Jakarta day, as YYYY-MM-DD. */
const shift = (day: string, days: number) => isoDate(addDays(dateOnly(day), days));

/** Writes a pledge in the given state straight into the database (the lifecycle itself is tested elsewhere). */
async function pledgeIn(
  status: string,
  planned: string,
  options: { needId: string; aggregator?: string; donor?: string; quantity?: number },
): Promise<{ id: string; reference: string }> {
  const quantity = options.quantity ?? 4;
  const delivered = status === "DELIVERED" || status === "CONFIRMED" ? quantity : status === "IN_DELIVERY" ? 1 : 0;
  const id = `plg_q${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const reference = pledgeReference();
  await sql(
    `INSERT INTO pledge (id, reference, need_id, donor_organisation_id, quantity, delivered_quantity, delivery_mode,
                         aggregator_organisation_id, planned_delivery_on, status, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'AGGREGATOR', $7, $8::date, $9::"PledgeStatus", now())`,
    [id, reference, options.needId, options.donor ?? orgs.publicDonor, quantity, delivered, options.aggregator ?? orgs.x, planned, status],
  );
  return { id, reference };
}

/** The tabs a pledge shows up in, found by searching its code. */
async function tabsOf(caller: Caller, reference: string, today?: string): Promise<QueueTab[]> {
  const counts = await queueCounts(caller, { reference }, today);
  const tabs = QUEUE_TABS.filter((tab) => counts[tab] > 0);
  for (const tab of QUEUE_TABS) {
    const ids = (await queuePage(caller, tab, { reference }, 1, today)).map((item) => item.reference);
    expect(ids, `${reference} in ${tab}`).toEqual(tabs.includes(tab) ? [reference] : []);
  }
  return tabs;
}

let x: Caller;
let y: Caller;

beforeAll(async () => {
  users.x = await userIdByEmail("agregator@ksbb.test");
  const [other] = await sql<{ id: string; organisation_id: string }>(
    `SELECT u.id, u.organisation_id FROM app_user u JOIN organisation o ON o.id = u.organisation_id
      WHERE u.role = 'AGGREGATOR' AND o.verification_status = 'VERIFIED' AND u.id <> $1 ORDER BY u.id LIMIT 1`,
    [users.x],
  );
  users.y = other!.id;
  orgs.y = other!.organisation_id;
  x = await callerFor(users.x);
  y = await callerFor(users.y);
  orgs.x = x.organisationId;
  const donor = async (shown: boolean) =>
    (
      await sql<{ id: string }>(
        `SELECT id FROM organisation WHERE kind = 'COMPANY' AND verification_status = 'VERIFIED' AND show_publicly = $1 ORDER BY id LIMIT 1`,
        [shown],
      )
    )[0]!.id;
  orgs.publicDonor = await donor(true);
  orgs.privateDonor = await donor(false);
});

describe("tabs", () => {
  it("put each pledge where its next step is, with the week window counted from the Jakarta day", async () => {
    const need = await freshNeed(100);
    const today = jakartaToday();
    const cases: [string, string, QueueTab[]][] = [
      ["APPROVED", shift(today, 1), ["schedule"]],
      ["SCHEDULED", today, ["today"]],
      ["SCHEDULED", shift(today, -2), ["today"]],
      ["SCHEDULED", shift(today, 7), ["today"]],
      ["SCHEDULED", shift(today, 8), []],
      ["IN_DELIVERY", shift(today, 3), ["today", "in-delivery"]],
      ["IN_DELIVERY", shift(today, 30), ["in-delivery"]],
      ["DELIVERED", today, ["waiting"]],
      ["CONFIRMED", shift(today, -10), ["done"]],
      ["SUBMITTED", today, []],
      ["EXPIRED", shift(today, -20), []],
    ];
    for (const [status, planned, expected] of cases) {
      const { reference } = await pledgeIn(status, planned, { needId: need.id, quantity: 2 });
      expect(await tabsOf(x, reference), `${status} planned ${planned}`).toEqual(expected);
    }
  });

  it("count the week in Jakarta: at 00:30 in Jakarta (17:30 UTC the day before) the window already ends a day later", async () => {
    const need = await freshNeed(100);
    const instant = new Date("2026-12-03T17:30:00Z");
    const today = jakartaToday(instant);
    expect(today).toBe("2026-12-04");
    const last = await pledgeIn("SCHEDULED", "2026-12-11", { needId: need.id, quantity: 1 });
    const after = await pledgeIn("SCHEDULED", "2026-12-12", { needId: need.id, quantity: 1 });
    expect(await tabsOf(x, last.reference, today)).toEqual(["today"]);
    expect(await tabsOf(x, after.reference, today)).toEqual([]);
    // By the UTC calendar it would still be 3 December, and 11 December would fall outside.
    expect(await tabsOf(x, last.reference, "2026-12-03")).toEqual([]);
  });

  it("open on the first tab with work in it", () => {
    expect(defaultTab({ schedule: 0, today: 0, "in-delivery": 2, waiting: 1, done: 5 })).toBe("in-delivery");
    expect(defaultTab({ schedule: 0, today: 0, "in-delivery": 0, waiting: 0, done: 0 })).toBe("schedule");
  });

  it("page through a tab in planned order, QUEUE_PAGE_SIZE at a time", async () => {
    const need = await freshNeed(200);
    const day = shift(jakartaToday(), 200);
    for (let n = 0; n < QUEUE_PAGE_SIZE + 2; n++) await pledgeIn("APPROVED", day, { needId: need.id, quantity: 1 });
    const filters: QueueFilters = { kelurahan: need.kelurahan, tanggal: day };
    expect((await queueCounts(x, filters)).schedule).toBe(QUEUE_PAGE_SIZE + 2);
    const first = await queuePage(x, "schedule", filters, 1);
    const second = await queuePage(x, "schedule", filters, 2);
    expect(first).toHaveLength(QUEUE_PAGE_SIZE);
    expect(second).toHaveLength(2);
    expect(new Set([...first, ...second].map((item) => item.id)).size).toBe(QUEUE_PAGE_SIZE + 2);
  });

  it("name the donor only when it agreed to be shown", async () => {
    const need = await freshNeed(100);
    const shown = await pledgeIn("APPROVED", jakartaToday(), { needId: need.id, donor: orgs.publicDonor });
    const hidden = await pledgeIn("APPROVED", jakartaToday(), { needId: need.id, donor: orgs.privateDonor });
    const nameOf = async (id: string) => (await sql<{ name: string }>(`SELECT name FROM organisation WHERE id = $1`, [id]))[0]!.name;
    const [publicName, privateName] = [await nameOf(orgs.publicDonor!), await nameOf(orgs.privateDonor!)];
    expect((await queuePage(x, "schedule", { reference: shown.reference }, 1))[0]?.donorName).toBe(publicName);
    expect((await queuePage(x, "schedule", { reference: hidden.reference }, 1))[0]?.donorName).toBeNull();
    expect(JSON.stringify(await queuePage(x, "schedule", { kelurahan: need.kelurahan }, 1))).not.toContain(privateName);
  });
});

describe("search by pledge code", () => {
  it("accepts the code in any case, without dashes or without the KSBB prefix", () => {
    expect(normalisePledgeCode("KSBB-7YTP-5QPJ")).toBe("KSBB-7YTP-5QPJ");
    expect(normalisePledgeCode(" ksbb-7ytp-5qpj ")).toBe("KSBB-7YTP-5QPJ");
    expect(normalisePledgeCode("ksbb7ytp5qpj")).toBe("KSBB-7YTP-5QPJ");
    expect(normalisePledgeCode("7YTP 5QPJ")).toBe("KSBB-7YTP-5QPJ");
    expect(normalisePledgeCode("7ytp-5qpj")).toBe("KSBB-7YTP-5QPJ");
    for (const bad of ["", "KSBB", "KSBB-7YTP", "KSBB-7YTP-5QPJX", "KSBB-0YTP-5QPJ", "' OR 1=1 --", "%"])
      expect(normalisePledgeCode(bad), bad).toBeNull();
  });

  it("finds the pledge typed loosely, and a code that cannot exist finds nothing", async () => {
    const need = await freshNeed(100);
    const { id, reference } = await pledgeIn("SCHEDULED", jakartaToday(), { needId: need.id });
    const loose = reference.toLowerCase().replaceAll("-", "");
    const found = await queuePage(x, "today", { reference: normalisePledgeCode(loose) }, 1);
    expect(found.map((item) => item.id)).toEqual([id]);
    expect(await queueCounts(x, { reference: null })).toEqual({ schedule: 0, today: 0, "in-delivery": 0, waiting: 0, done: 0 });
    expect(await queuePage(x, "today", { reference: null }, 1)).toEqual([]);
  });

  it("takes bad query parameters as the defaults instead of failing", () => {
    expect(queueParams.parse({ tab: "semua", kelurahan: "31.71'--", tanggal: "2026-02-31", page: "-3", q: "x".repeat(500) })).toEqual({
      tab: undefined,
      kelurahan: undefined,
      tanggal: undefined,
      q: undefined,
      page: 1,
    });
    expect(queueParams.parse({ tab: ["today", "done"] }).tab).toBeUndefined();
    expect(queueParams.parse({ tab: "waiting", kelurahan: "31.71.01.1001", tanggal: "2026-12-03", page: "2" })).toMatchObject({
      tab: "waiting",
      kelurahan: "31.71.01.1001",
      tanggal: "2026-12-03",
      page: 2,
    });
    expect(manifestParams.parse({ tanggal: "besok", kelurahan: "semua" })).toEqual({ tanggal: undefined, kelurahan: undefined });
  });
});

describe("another aggregator's pledges", () => {
  it("never appear in the queue, its counts or its manifest", async () => {
    const need = await freshNeed(100);
    const today = jakartaToday();
    const theirs = await Promise.all(
      ["APPROVED", "SCHEDULED", "IN_DELIVERY", "DELIVERED", "CONFIRMED"].map((status) =>
        pledgeIn(status, today, { needId: need.id, aggregator: orgs.y, quantity: 1 }),
      ),
    );
    const mine = await pledgeIn("SCHEDULED", today, { needId: need.id, quantity: 1 });
    for (const { reference } of theirs) {
      expect(await tabsOf(x, reference)).toEqual([]);
      expect((await tabsOf(y, reference)).length).toBeGreaterThan(0);
    }
    // Every row of every tab, filtered to this kelurahan and day, is the caller's own.
    const filters = { kelurahan: need.kelurahan, tanggal: today };
    const seen = (await Promise.all(QUEUE_TABS.map((tab) => queuePage(x, tab, filters, 1)))).flat().map((item) => item.id);
    expect(seen).toContain(mine.id);
    const owners = await sql<{ aggregator_organisation_id: string }>(
      `SELECT DISTINCT aggregator_organisation_id FROM pledge WHERE id = ANY($1::text[])`,
      [seen],
    );
    expect(owners).toEqual([{ aggregator_organisation_id: orgs.x }]);
    const manifest = await deliveryManifest(x, { day: today, kelurahan: need.kelurahan });
    const lines = manifest.sheets.flatMap((sheet) => sheet.lines.map((line) => line.id));
    expect(lines).toContain(mine.id);
    for (const { id } of theirs) expect(lines).not.toContain(id);
  });

  it("are not readable by anyone but an aggregator", async () => {
    const donor = await callerFor(await userIdByEmail("donor@ksbb.test"));
    const staff = await callerFor(await userIdByEmail("staf@ksbb.test"));
    for (const caller of [donor, staff]) {
      await expect(queueCounts(caller, {})).rejects.toBeInstanceOf(NotFoundError);
      await expect(queuePage(caller, "today", {}, 1)).rejects.toBeInstanceOf(NotFoundError);
      await expect(deliveryManifest(caller, { day: jakartaToday() })).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe("delivery manifest", () => {
  it("lists what goes out that day per kelurahan, today's with the overdue ones, recipients as counts", async () => {
    const need = await freshNeed(100);
    const today = jakartaToday();
    const [info] = await sql<{ beneficiary_count: number; target_quantity: number }>(
      `SELECT beneficiary_count, target_quantity FROM need WHERE id = $1`,
      [need.id],
    );
    const due = await pledgeIn("SCHEDULED", today, { needId: need.id, quantity: 10 });
    const late = await pledgeIn("IN_DELIVERY", shift(today, -1), { needId: need.id, quantity: 6 });
    const tomorrow = await pledgeIn("SCHEDULED", shift(today, 1), { needId: need.id, quantity: 3 });
    const done = await pledgeIn("DELIVERED", today, { needId: need.id, quantity: 2 });

    const { sheets } = await deliveryManifest(x, { day: today, kelurahan: need.kelurahan });
    expect(sheets.map((sheet) => sheet.kelurahan.code)).toEqual([need.kelurahan]);
    const lines = new Map(sheets[0]!.lines.map((line) => [line.id, line]));
    expect(lines.get(due.id)).toMatchObject({ quantity: 10, pledged: 10, overdue: false });
    expect(lines.get(late.id)).toMatchObject({ quantity: 5, pledged: 6, overdue: true });
    expect(lines.get(due.id)!.recipients).toBe(Math.max(1, Math.round((info!.beneficiary_count * 10) / info!.target_quantity)));
    expect(lines.has(tomorrow.id)).toBe(false);
    expect(lines.has(done.id)).toBe(false);

    const next = await deliveryManifest(x, { day: shift(today, 1), kelurahan: need.kelurahan });
    expect(next.sheets.flatMap((sheet) => sheet.lines.map((line) => line.id))).toEqual([tomorrow.id]);
  });

  it("groups the week's rows by the day they go out, the overdue ones under today", () => {
    const today = "2026-12-03";
    const item = (id: string, plannedOn: string, kelurahan: string) => ({
      id,
      reference: id,
      status: "SCHEDULED" as const,
      quantity: 1,
      deliveredQuantity: 0,
      plannedOn,
      item: "Paket",
      unit: "FOOD_PACKAGE" as const,
      kelurahan: { code: kelurahan, name: kelurahan === "31.71.01.1001" ? "Gambir" : "Kebon Kelapa" },
      kecamatan: "Gambir",
      donorName: null,
    });
    const groups = groupByDayAndKelurahan(
      [
        item("a", "2026-12-01", "31.71.01.1001"),
        item("b", "2026-12-03", "31.71.01.1001"),
        item("c", "2026-12-03", "31.71.01.1002"),
        item("d", "2026-12-05", "31.71.01.1001"),
      ],
      today,
    );
    expect(groups.map((group) => [group.day, group.kelurahan.name, group.items.map((i) => i.id)])).toEqual([
      ["2026-12-03", "Gambir", ["a", "b"]],
      ["2026-12-03", "Kebon Kelapa", ["c"]],
      ["2026-12-05", "Gambir", ["d"]],
    ]);
  });
});
