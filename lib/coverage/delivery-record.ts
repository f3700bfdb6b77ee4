import "server-only";
import { db } from "@/lib/db/index.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { NeedUnit, ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { PUBLIC_NEED_STATUSES } from "@/lib/needs/schema.ts";
import { PUBLIC_NAME_FIELDS, publicOrganisationName } from "@/lib/organisations/public-name.ts";

// A kelurahan's public delivery record. What is public: the day, the need, the quantity
// and how many recipients. The recipient group and notes are free text written in the
// field and stay internal; so do the person who recorded it and the photos. The deliverer
// is named only when its organisation is verified and agreed to be shown.

export const DELIVERY_RECORD_PAGE_SIZE = 20;

export interface PublicDelivery {
  id: string;
  deliveredOn: Date;
  need: { id: string; item: string; unit: NeedUnit; category: ProgramCategory };
  quantity: number;
  recipientCount: number | null;
  /** The pledge has been confirmed by city staff. */
  confirmed: boolean;
  /** What a recipients' representative confirmed receiving from this delivery, or null (lib/deliveries/community.ts). */
  communityReceived: number | null;
  /** Who delivered: an aggregator, or the donor itself; name null unless public. */
  deliverer: { role: "DONOR" | "AGGREGATOR"; name: string | null };
}

export async function kelurahanDeliveryRecord(kelurahanCode: string, options: { category?: ProgramCategory; page: number }) {
  const where: Prisma.DeliveryUpdateWhereInput = {
    pledge: {
      need: {
        kelurahanCode,
        status: { in: [...PUBLIC_NEED_STATUSES] },
        ...(options.category && { program: { category: options.category } }),
      },
    },
  };
  const [total, rows] = await Promise.all([
    db.deliveryUpdate.count({ where }),
    db.deliveryUpdate.findMany({
      where,
      orderBy: [{ deliveredOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      skip: (options.page - 1) * DELIVERY_RECORD_PAGE_SIZE,
      take: DELIVERY_RECORD_PAGE_SIZE,
      select: {
        id: true,
        deliveredOn: true,
        quantity: true,
        recipientCount: true,
        community: { select: { quantityReceived: true } },
        pledge: {
          select: {
            status: true,
            deliveryMode: true,
            need: { select: { id: true, item: true, unit: true, program: { select: { category: true } } } },
            donorOrganisation: { select: PUBLIC_NAME_FIELDS },
            aggregatorOrganisation: { select: PUBLIC_NAME_FIELDS },
          },
        },
      },
    }),
  ]);
  const deliveries: PublicDelivery[] = rows.map((row) => {
    const byAggregator = row.pledge.deliveryMode === "AGGREGATOR";
    return {
      id: row.id,
      deliveredOn: row.deliveredOn,
      need: { id: row.pledge.need.id, item: row.pledge.need.item, unit: row.pledge.need.unit, category: row.pledge.need.program.category },
      quantity: row.quantity,
      recipientCount: row.recipientCount,
      confirmed: row.pledge.status === "CONFIRMED",
      communityReceived: row.community?.quantityReceived ?? null,
      deliverer: {
        role: byAggregator ? "AGGREGATOR" : "DONOR",
        name: publicOrganisationName(byAggregator ? row.pledge.aggregatorOrganisation : row.pledge.donorOrganisation),
      },
    };
  });
  return { deliveries, total, page: options.page, pageCount: Math.max(1, Math.ceil(total / DELIVERY_RECORD_PAGE_SIZE)) };
}
