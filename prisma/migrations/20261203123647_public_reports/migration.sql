-- Issue 16: public reports ("Laporkan"). The reporter's reference comes from the database,
-- in the receipts' unambiguous alphabet, e.g. LP-7K3Q-X9PD.
CREATE FUNCTION ksbb_report_reference() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  alphabet CONSTANT text := '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  code text := '';
BEGIN
  FOR i IN 1..8 LOOP
    code := code || substr(alphabet, 1 + floor(random() * 32)::int, 1);
    IF i = 4 THEN code := code || '-'; END IF;
  END LOOP;
  RETURN 'LP-' || code;
END $$;

-- CreateEnum
CREATE TYPE "ReportSubject" AS ENUM ('NEED', 'DELIVERY', 'KELURAHAN', 'ORGANISATION');

-- CreateEnum
CREATE TYPE "ReportCategory" AS ENUM ('WRONG_INFORMATION', 'NOT_DELIVERED', 'MISUSE_OF_NAME', 'OTHER');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('NEW', 'IN_REVIEW', 'RESOLVED', 'REJECTED');

-- CreateTable
CREATE TABLE "public_report" (
    "id" TEXT NOT NULL DEFAULT ksbb_new_id(),
    "reference" TEXT NOT NULL DEFAULT ksbb_report_reference(),
    "subject_kind" "ReportSubject" NOT NULL,
    "subject_id" TEXT NOT NULL,
    "category" "ReportCategory" NOT NULL,
    "description" TEXT NOT NULL,
    "contact" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "status" "ReportStatus" NOT NULL DEFAULT 'NEW',
    "reply" TEXT,
    "handled_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "public_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "public_report_reference_key" ON "public_report"("reference");

-- CreateIndex
CREATE INDEX "public_report_status_created_at_idx" ON "public_report"("status", "created_at");

-- CreateIndex
CREATE INDEX "public_report_created_at_idx" ON "public_report"("created_at");

-- AddForeignKey
ALTER TABLE "public_report" ADD CONSTRAINT "public_report_handled_by_id_fkey" FOREIGN KEY ("handled_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- What the form allows, held by the database too. The bounds count characters, where the
-- form's (zod) count UTF-16 units, so they are a little wider: never empty, never longer.
ALTER TABLE public_report
  ADD CONSTRAINT public_report_description_length CHECK (char_length(description) BETWEEN 1 AND 2000),
  ADD CONSTRAINT public_report_contact_length CHECK (contact IS NULL OR char_length(contact) BETWEEN 1 AND 200),
  ADD CONSTRAINT public_report_reply_length CHECK (reply IS NULL OR char_length(reply) BETWEEN 1 AND 2000),
  ADD CONSTRAINT public_report_locale CHECK (locale IN ('id', 'en')),
  -- A closed report (resolved or rejected) has its answer and the time it was closed; an open one has neither time.
  ADD CONSTRAINT public_report_closed CHECK (
    (status IN ('RESOLVED'::"ReportStatus", 'REJECTED'::"ReportStatus")) = (closed_at IS NOT NULL)
    AND (closed_at IS NULL OR (reply IS NOT NULL AND handled_by_id IS NOT NULL))
  );
