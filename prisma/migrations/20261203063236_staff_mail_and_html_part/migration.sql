-- CreateEnum
CREATE TYPE "StaffMail" AS ENUM ('IMMEDIATE', 'DAILY_DIGEST');

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "staff_mail" "StaffMail" NOT NULL DEFAULT 'DAILY_DIGEST';

-- AlterTable
ALTER TABLE "email_outbox" ADD COLUMN     "html" TEXT;

-- CreateTable
CREATE TABLE "staff_digest" (
    "user_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_digest_pkey" PRIMARY KEY ("user_id","day")
);

-- AddForeignKey
ALTER TABLE "staff_digest" ADD CONSTRAINT "staff_digest_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

