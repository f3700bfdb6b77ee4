-- CreateTable
CREATE TABLE "notification" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "pledge_id" TEXT,
    "params" JSONB NOT NULL DEFAULT '{}',
    "read_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sent_at" TIMESTAMP(3),
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_created_at_idx" ON "notification"("user_id", "read_at", "created_at");

-- CreateIndex
CREATE INDEX "email_outbox_sent_at_created_at_idx" ON "email_outbox"("sent_at", "created_at");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A pledge records deliveries only up to its quantity, and releases are explicit:
-- the need's pledged total counts delivered quantities even of released pledges.
-- Pledges refused before reasons were required get a generic one, so the rule can hold.
UPDATE "pledge" SET "status_reason" = 'Tanpa keterangan' WHERE "status" IN ('REJECTED', 'CANCELLED') AND "status_reason" IS NULL;
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_reason_when_refused" CHECK ("status" NOT IN ('REJECTED', 'CANCELLED') OR "status_reason" IS NOT NULL);
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_delivered_matches_status" CHECK ("status" NOT IN ('DELIVERED', 'CONFIRMED') OR "delivered_quantity" = "quantity");
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_reference_format" CHECK ("reference" ~ '^KSBB-[2-9A-HJ-KM-NP-Z]{4}-[2-9A-HJ-KM-NP-Z]{4}$');
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_to_lowercase" CHECK ("to_address" = lower("to_address"));
