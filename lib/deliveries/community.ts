import "server-only";
import { createHash, createHmac, randomUUID } from "node:crypto";
import { z } from "zod";
import { ActionError } from "@/lib/actions/errors.ts";
import { recordAudit } from "@/lib/audit/record.ts";
import { ensureAuthSecret } from "@/lib/auth/secret.ts";
import { db } from "@/lib/db/index.ts";
import { readEnv } from "@/lib/env.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { shownText, wholeNumber } from "@/lib/input/schema.ts";
import { PUBLIC_NEED_STATUSES } from "@/lib/needs/schema.ts";

// Community confirmation of a delivery (issue 16). Each recorded delivery gets a link that
// a recipient representative (an RW head, a kelurahan officer) opens without an account to
// say how much arrived. The token is an HMAC of the row's id under AUTH_SECRET, so the
// pledge page can show the link and its QR code again; the database keeps only the token's
// SHA-256, so a copy of the database opens nothing. A link works once and for 30 days.

export const COMMUNITY_LINK_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const COMMUNITY_PATH = "/konfirmasi-warga/";

const tokenFor = (id: string) =>
  createHmac("sha256", ensureAuthSecret(readEnv())).update(`community-confirmation:${id}`).digest("base64url");
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** A token as the link carries it (43 characters of base64url). */
export const communityToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const confirmCommunitySchema = z.object({
  token: communityToken,
  quantityReceived: wholeNumber({ min: 0, max: 1_000_000 }),
  note: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    shownText(z.string().trim().max(500, "tooBig").optional()),
  ),
});

/** Creates the link of a newly recorded delivery, inside the transaction that records it. */
export async function createCommunityLink(tx: Prisma.TransactionClient, deliveryUpdateId: string, now = new Date()): Promise<string> {
  const id = randomUUID();
  await tx.communityConfirmation.create({
    data: { id, deliveryUpdateId, tokenHash: hashOf(tokenFor(id)), expiresAt: new Date(now.getTime() + COMMUNITY_LINK_DAYS * DAY_MS) },
  });
  return id;
}

/** The path of a confirmation's link (for the pledge's parties, who may show it again). */
export function communityLinkPath(confirmationId: string): string {
  return COMMUNITY_PATH + tokenFor(confirmationId);
}

export type CommunityLinkState = "open" | "used" | "expired";

/** What the representative's page shows: the delivery in counts, and whether the link still works. */
export async function communityLink(token: string, now = new Date()) {
  const row = await db.communityConfirmation.findUnique({
    where: { tokenHash: hashOf(token) },
    select: {
      expiresAt: true,
      confirmedAt: true,
      quantityReceived: true,
      deliveryUpdate: {
        select: {
          deliveredOn: true,
          quantity: true,
          pledge: {
            select: {
              need: {
                select: {
                  item: true,
                  unit: true,
                  status: true,
                  rw: true,
                  kelurahan: { select: { name: true, parent: { select: { name: true } } } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!row || !(PUBLIC_NEED_STATUSES as readonly string[]).includes(row.deliveryUpdate.pledge.need.status)) return null;
  const state: CommunityLinkState = row.confirmedAt ? "used" : row.expiresAt <= now ? "expired" : "open";
  const need = row.deliveryUpdate.pledge.need;
  return {
    state,
    item: need.item,
    unit: need.unit,
    rw: need.rw,
    kelurahan: need.kelurahan.name,
    kecamatan: need.kelurahan.parent?.name ?? null,
    deliveredOn: row.deliveryUpdate.deliveredOn,
    quantity: row.deliveryUpdate.quantity,
  };
}

/**
 * Uses the link once: one conditional UPDATE, so two people opening it at once cannot both
 * confirm. Less than delivered opens a staff case (a public report about the delivery).
 */
export async function confirmCommunity(input: z.infer<typeof confirmCommunitySchema>, now = new Date()) {
  return db.$transaction(async (tx) => {
    const row = await tx.communityConfirmation.findUnique({
      where: { tokenHash: hashOf(input.token) },
      select: {
        id: true,
        deliveryUpdateId: true,
        expiresAt: true,
        confirmedAt: true,
        deliveryUpdate: { select: { quantity: true, pledgeId: true } },
      },
    });
    if (!row) throw new ActionError("NOT_FOUND", "community.errors.unknown");
    if (row.confirmedAt) throw new ActionError("CONFLICT", "community.errors.used");
    if (row.expiresAt <= now) throw new ActionError("CONFLICT", "community.errors.expired");
    if (input.quantityReceived > row.deliveryUpdate.quantity) {
      throw new ActionError(
        "INVALID",
        "community.errors.moreThanDelivered",
        { quantityReceived: "community.errors.moreThanDelivered" },
        {
          params: { max: row.deliveryUpdate.quantity },
        },
      );
    }
    const used = await tx.communityConfirmation.updateMany({
      where: { id: row.id, confirmedAt: null, expiresAt: { gt: now } },
      data: { confirmedAt: now, quantityReceived: input.quantityReceived, note: input.note ?? null },
    });
    if (used.count !== 1) throw new ActionError("CONFLICT", "community.errors.used");
    const shortfall = input.quantityReceived < row.deliveryUpdate.quantity;
    if (shortfall) {
      const report = await tx.publicReport.create({
        data: {
          subjectKind: "DELIVERY",
          subjectId: row.deliveryUpdateId,
          category: "NOT_DELIVERED",
          description:
            `Konfirmasi warga: diterima ${input.quantityReceived} dari ${row.deliveryUpdate.quantity}.${input.note ? ` ${input.note}` : ""}`.slice(
              0,
              2000,
            ),
        },
        select: { id: true },
      });
      await tx.communityConfirmation.update({ where: { id: row.id }, data: { reportId: report.id } });
      await recordAudit(tx, {
        actor: null,
        entityType: "report",
        entityId: report.id,
        action: "report.filed",
        toStatus: "NEW",
        metadata: { subjectKind: "DELIVERY", subjectId: row.deliveryUpdateId, category: "NOT_DELIVERED", fromCommunityConfirmation: true },
      });
    }
    await recordAudit(tx, {
      actor: null,
      entityType: "pledge",
      entityId: row.deliveryUpdate.pledgeId,
      action: "pledge.community_confirmed",
      metadata: {
        deliveryUpdateId: row.deliveryUpdateId,
        quantityReceived: input.quantityReceived,
        delivered: row.deliveryUpdate.quantity,
      },
    });
    return { shortfall };
  });
}

/** What recipients confirmed for a need, summed over its deliveries (public: a count). */
export async function communityConfirmedQuantity(needIds: readonly string[]): Promise<Map<string, number>> {
  if (needIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ need_id: string; received: bigint }[]>`
    SELECT p.need_id, sum(c.quantity_received) AS received
    FROM community_confirmation c JOIN delivery_update d ON d.id = c.delivery_update_id JOIN pledge p ON p.id = d.pledge_id
    WHERE c.confirmed_at IS NOT NULL AND p.need_id = ANY(${needIds as string[]})
    GROUP BY p.need_id`;
  return new Map(rows.map((row) => [row.need_id, Number(row.received)]));
}
