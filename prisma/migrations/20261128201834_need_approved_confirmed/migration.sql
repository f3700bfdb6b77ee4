-- AlterTable
ALTER TABLE "need" ADD COLUMN     "approved_quantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "confirmed_quantity" INTEGER NOT NULL DEFAULT 0;

-- Coverage figures read these instead of summing every pledge on each request
-- (lib/coverage/queries.ts). lib/pledges/service.ts keeps them with each status change.
UPDATE "need" n
   SET "approved_quantity" = p.approved, "confirmed_quantity" = p.confirmed
  FROM (SELECT need_id,
               COALESCE(SUM(quantity) FILTER (WHERE status IN ('APPROVED', 'SCHEDULED', 'IN_DELIVERY', 'DELIVERED', 'CONFIRMED')), 0) AS approved,
               COALESCE(SUM(delivered_quantity) FILTER (WHERE status = 'CONFIRMED'), 0) AS confirmed
          FROM "pledge" GROUP BY need_id) p
 WHERE p.need_id = n.id;

-- Approved pledges are live pledges, and confirmed deliveries are deliveries.
ALTER TABLE "need" ADD CONSTRAINT "need_approved_within_pledged" CHECK ("approved_quantity" >= 0 AND "approved_quantity" <= "pledged_quantity");
ALTER TABLE "need" ADD CONSTRAINT "need_confirmed_within_delivered" CHECK ("confirmed_quantity" >= 0 AND "confirmed_quantity" <= "delivered_quantity");
