-- The outbox becomes a durable queue (issue 13): a sender leases a batch (SENDING with
-- lease_until), marks each mail SENT after the SMTP server accepted it, and on failure
-- schedules the next attempt with backoff until the fifth failure leaves it FAILED.
-- Every new column has a default, so INSERTs that name only address, subject and body
-- (the pledge statement's mails CTE) keep working.

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- DropIndex
DROP INDEX "email_outbox_sent_at_created_at_idx";

-- The last failure's text is kept under its new name.
ALTER TABLE "email_outbox" RENAME COLUMN "error" TO "last_error";

-- AlterTable
ALTER TABLE "email_outbox"
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lease_until" TIMESTAMPTZ(3),
ADD COLUMN     "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "status" "EmailStatus" NOT NULL DEFAULT 'PENDING';

-- Mails sent before this migration are SENT; the rest wait to be sent.
UPDATE "email_outbox" SET "status" = 'SENT' WHERE "sent_at" IS NOT NULL;

-- CreateIndex
CREATE INDEX "email_outbox_status_next_attempt_at_created_at_idx" ON "email_outbox"("status", "next_attempt_at", "created_at");

-- CreateIndex
CREATE INDEX "email_outbox_status_created_at_idx" ON "email_outbox"("status", "created_at");

-- A SENT mail says when; attempts never go below zero.
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_sent_has_time" CHECK ("status" <> 'SENT' OR "sent_at" IS NOT NULL);
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_attempts_not_negative" CHECK ("attempts" >= 0);
