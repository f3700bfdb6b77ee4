import { describe, expect, it } from "vitest";
import { sql } from "@/tests/helpers/db.ts";
import { actAs, form } from "@/tests/helpers/session.ts";

// Issue 16: the recipients' side. A recorded delivery gets a single-use, expiring link kept
// only as a hash; a representative confirms what arrived without an account; a shortfall
// opens a staff case; the need's public figures and the API then show it.

const { confirmCommunityAction } = await import("@/lib/deliveries/actions.ts");
const { createCommunityLink, communityLinkPath, communityLink } = await import("@/lib/deliveries/community.ts");
const { getPublicNeed } = await import("@/lib/needs/queries.ts");
const { publicNeedsAfter, deliveryRecords } = await import("@/lib/open-data/queries.ts");
const { coverageByRegion } = await import("@/lib/coverage/queries.ts");
const { db } = await import("@/lib/db/index.ts");

/** A delivery of a public need with no link yet, and a fresh link for it. */
async function freshLink() {
  const [delivery] = await sql<{ id: string; quantity: number; need_id: string }>(
    `SELECT d.id, d.quantity, p.need_id FROM delivery_update d JOIN pledge p ON p.id = d.pledge_id JOIN need n ON n.id = p.need_id
     WHERE n.status IN ('OPEN', 'FULFILLED') AND d.quantity >= 2
       AND NOT EXISTS (SELECT 1 FROM community_confirmation c WHERE c.delivery_update_id = d.id)
       AND NOT EXISTS (SELECT 1 FROM community_confirmation c JOIN delivery_update d2 ON d2.id = c.delivery_update_id JOIN pledge p2 ON p2.id = d2.pledge_id WHERE p2.need_id = p.need_id)
     ORDER BY d.id LIMIT 1`,
  );
  const id = await db.$transaction((tx) => createCommunityLink(tx, delivery!.id));
  return { ...delivery!, deliveryId: delivery!.id, id, token: communityLinkPath(id).split("/").pop()! };
}

const confirm = (fields: Record<string, string>) => {
  actAs(null, "203.0.113.40");
  return confirmCommunityAction(null, form(fields));
};

describe("community confirmation", () => {
  it("keeps only the token's hash, works once, and the need page and the API show the figure", async () => {
    const link = await freshLink();
    const [row] = await sql<{ token_hash: string }>(`SELECT token_hash FROM community_confirmation WHERE id = $1`, [link.id]);
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.token_hash).not.toContain(link.token);
    expect((await communityLink(link.token))?.state).toBe("open");

    expect(await confirm({ token: link.token, quantityReceived: String(link.quantity) })).toMatchObject({ ok: true });
    expect((await communityLink(link.token))?.state).toBe("used");
    expect(await confirm({ token: link.token, quantityReceived: String(link.quantity) })).toMatchObject({ ok: false, code: "CONFLICT" });

    expect((await getPublicNeed(link.need_id))?.communityConfirmed).toBe(link.quantity);
    // The API's page that starts right before this need.
    const [previous] = await sql<{ id: string | null }>(`SELECT max(id) AS id FROM need WHERE id < $1`, [link.need_id]);
    const [record] = await publicNeedsAfter({}, previous!.id ?? undefined, 1);
    expect(record?.id).toBe(link.need_id);
    expect(record?.community_confirmed_quantity).toBe(link.quantity);
  });

  it("counts in the region totals and the delivery dataset as its own figure, kept on the need by the database", async () => {
    const link = await freshLink();
    const [need] = await sql<{ kelurahan_code: string; unit: string; category: string }>(
      `SELECT n.kelurahan_code, n.unit::text AS unit, p.category::text AS category FROM need n JOIN program p ON p.id = n.program_id WHERE n.id = $1`,
      [link.need_id],
    );
    const regionFigure = async () =>
      (await coverageByRegion("KELURAHAN", { within: need!.kelurahan_code.slice(0, 8), includeClosed: true }))
        .find((row) => row.code === need!.kelurahan_code)
        ?.units.find((u) => u.unit === need!.unit)?.community ?? 0;
    const datasetFigure = async () =>
      (await deliveryRecords()).find(
        (row) => row.kelurahan_code === need!.kelurahan_code && row.unit === need!.unit && row.category === need!.category,
      )?.community_confirmed_quantity;
    const [regionBefore, datasetBefore] = [await regionFigure(), await datasetFigure()];
    expect(
      await confirm({ token: link.token, quantityReceived: String(link.quantity - 1), note: "Satu paket tertinggal di gudang." }),
    ).toMatchObject({ ok: true });
    expect(await regionFigure()).toBe(regionBefore + link.quantity - 1);
    expect(await datasetFigure()).toBe(Number(datasetBefore) + link.quantity - 1);
    // The need's total is the sum of its confirmations, however they were written (the seed inserts used ones directly).
    const drift = await sql(
      `SELECT n.id FROM need n LEFT JOIN (SELECT p.need_id, sum(c.quantity_received)::int AS received FROM community_confirmation c
         JOIN delivery_update d ON d.id = c.delivery_update_id JOIN pledge p ON p.id = d.pledge_id WHERE c.confirmed_at IS NOT NULL GROUP BY p.need_id) t
         ON t.need_id = n.id WHERE n.community_confirmed_quantity <> COALESCE(t.received, 0)`,
    );
    expect(drift).toEqual([]);
    // A confirmed quantity is final.
    await expect(sql(`UPDATE community_confirmation SET quantity_received = 1 WHERE id = $1`, [link.id])).rejects.toThrow(
      /does not change/,
    );
  });

  it("refuses an expired link, an unknown one and more than was delivered", async () => {
    const link = await freshLink();
    expect(await confirm({ token: link.token, quantityReceived: String(link.quantity + 1) })).toMatchObject({
      ok: false,
      code: "INVALID",
      values: { quantityReceived: String(link.quantity + 1) },
    });
    await sql(`UPDATE community_confirmation SET expires_at = now() - interval '1 minute' WHERE id = $1`, [link.id]);
    expect((await communityLink(link.token))?.state).toBe("expired");
    expect(await confirm({ token: link.token, quantityReceived: "1" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await confirm({ token: "A".repeat(43), quantityReceived: "1" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("opens a staff case for a shortfall, with the note", async () => {
    const link = await freshLink();
    const result = await confirm({ token: link.token, quantityReceived: "1", note: "Dua paket rusak di perjalanan." });
    expect(result).toMatchObject({ ok: true });
    const [report] = await sql<{ subject_kind: string; subject_id: string; category: string; description: string; status: string }>(
      `SELECT r.subject_kind, r.subject_id, r.category, r.description, r.status FROM public_report r
       JOIN community_confirmation c ON c.report_id = r.id WHERE c.id = $1`,
      [link.id],
    );
    expect(report).toMatchObject({
      subject_kind: "DELIVERY",
      subject_id: link.deliveryId,
      category: "NOT_DELIVERED",
      status: "NEW",
    });
    expect(report!.description).toContain(`diterima 1 dari ${link.quantity}`);
    expect(report!.description).toContain("Dua paket rusak di perjalanan.");
  });

  it("holds the quantity rule in the database too", async () => {
    const link = await freshLink();
    await expect(
      sql(`UPDATE community_confirmation SET confirmed_at = now(), quantity_received = $2 WHERE id = $1`, [link.id, link.quantity + 5]),
    ).rejects.toThrow(/exceeds its delivery/);
    await expect(sql(`UPDATE community_confirmation SET confirmed_at = now() WHERE id = $1`, [link.id])).rejects.toThrow(
      /community_confirmation_used/,
    );
  });
});
