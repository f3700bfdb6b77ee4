-- Issue 16: JDCN collaboration proposals. The reference comes from the database, in the
-- receipts' unambiguous alphabet, e.g. KL-7K3Q-X9PD.
CREATE FUNCTION ksbb_collaboration_reference() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  alphabet CONSTANT text := '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  code text := '';
BEGIN
  FOR i IN 1..8 LOOP
    code := code || substr(alphabet, 1 + floor(random() * 32)::int, 1);
    IF i = 4 THEN code := code || '-'; END IF;
  END LOOP;
  RETURN 'KL-' || code;
END $$;

-- CreateEnum
CREATE TYPE "JdcnTopic" AS ENUM ('DISASTER_RESILIENCE', 'EDUCATION', 'UMKM', 'INFRASTRUCTURE', 'HOUSING', 'POVERTY_REDUCTION', 'ARTS_CULTURE');

-- CreateEnum
CREATE TYPE "CollaborationStatus" AS ENUM ('RECEIVED', 'IN_DISCUSSION', 'AGREED', 'RUNNING', 'COMPLETED', 'DECLINED');

-- CreateTable
CREATE TABLE "collaboration" (
    "id" TEXT NOT NULL DEFAULT ksbb_new_id(),
    "reference" TEXT NOT NULL DEFAULT ksbb_collaboration_reference(),
    "partner_organisation_id" TEXT NOT NULL,
    "proposed_by_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "topic" "JdcnTopic" NOT NULL,
    "region_code" TEXT,
    "offer" TEXT NOT NULL,
    "ask_of_city" TEXT NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "status" "CollaborationStatus" NOT NULL DEFAULT 'RECEIVED',
    "office_id" TEXT,
    "mou_reference" TEXT,
    "mou_signed_on" DATE,
    "status_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "collaboration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "collaboration_reference_key" ON "collaboration"("reference");

-- CreateIndex
CREATE INDEX "collaboration_status_created_at_idx" ON "collaboration"("status", "created_at");

-- CreateIndex
CREATE INDEX "collaboration_partner_organisation_id_created_at_idx" ON "collaboration"("partner_organisation_id", "created_at");

-- CreateIndex
CREATE INDEX "collaboration_office_id_status_idx" ON "collaboration"("office_id", "status");

-- CreateIndex
CREATE INDEX "collaboration_topic_status_idx" ON "collaboration"("topic", "status");

-- AddForeignKey
ALTER TABLE "collaboration" ADD CONSTRAINT "collaboration_partner_organisation_id_fkey" FOREIGN KEY ("partner_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collaboration" ADD CONSTRAINT "collaboration_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collaboration" ADD CONSTRAINT "collaboration_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collaboration" ADD CONSTRAINT "collaboration_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What the forms allow, held by the database too (character counts, a little wider than zod's UTF-16 units).
ALTER TABLE collaboration
  ADD CONSTRAINT collaboration_title_length CHECK (char_length(title) BETWEEN 1 AND 160),
  ADD CONSTRAINT collaboration_offer_length CHECK (char_length(offer) BETWEEN 1 AND 2000),
  ADD CONSTRAINT collaboration_ask_length CHECK (char_length(ask_of_city) BETWEEN 1 AND 2000),
  ADD CONSTRAINT collaboration_reason_length CHECK (status_reason IS NULL OR char_length(status_reason) BETWEEN 1 AND 2000),
  ADD CONSTRAINT collaboration_mou_length CHECK (mou_reference IS NULL OR char_length(mou_reference) BETWEEN 1 AND 100),
  ADD CONSTRAINT collaboration_timeline CHECK (ends_on >= starts_on),
  -- Past "received" it belongs to an office; from "agreed" on it has its MoU, reference and date.
  ADD CONSTRAINT collaboration_routed CHECK (status = 'RECEIVED'::"CollaborationStatus" OR office_id IS NOT NULL),
  ADD CONSTRAINT collaboration_mou CHECK (
    status NOT IN ('AGREED'::"CollaborationStatus", 'RUNNING'::"CollaborationStatus", 'COMPLETED'::"CollaborationStatus")
    OR (mou_reference IS NOT NULL AND mou_signed_on IS NOT NULL)
  );

-- The workflow, held by the database: a status moves only along these steps, every step
-- has its reason, the partner is never a city office, the office always is one, and the
-- place is a kota or a kelurahan.
CREATE FUNCTION ksbb_collaboration_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM organisation WHERE id = NEW.partner_organisation_id AND kind <> 'CITY_OFFICE') THEN
    RAISE EXCEPTION 'collaboration: the partner must not be a city office' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.office_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organisation WHERE id = NEW.office_id AND kind = 'CITY_OFFICE') THEN
    RAISE EXCEPTION 'collaboration: the office must be a city office' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.region_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM region WHERE code = NEW.region_code AND level IN ('KOTA', 'KELURAHAN')) THEN
    RAISE EXCEPTION 'collaboration: the place must be a kota or a kelurahan' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'RECEIVED' THEN
      RAISE EXCEPTION 'collaboration: a proposal starts as received' USING ERRCODE = 'check_violation';
    END IF;
  ELSIF NEW.status <> OLD.status THEN
    IF NOT (
      (OLD.status = 'RECEIVED' AND NEW.status IN ('IN_DISCUSSION', 'DECLINED')) OR
      (OLD.status = 'IN_DISCUSSION' AND NEW.status IN ('AGREED', 'DECLINED')) OR
      (OLD.status = 'AGREED' AND NEW.status IN ('RUNNING', 'DECLINED')) OR
      (OLD.status = 'RUNNING' AND NEW.status = 'COMPLETED')
    ) THEN
      RAISE EXCEPTION 'collaboration: % cannot become %', OLD.status, NEW.status USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.status_reason IS NULL THEN
      RAISE EXCEPTION 'collaboration: every step needs its reason' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER collaboration_guard BEFORE INSERT OR UPDATE ON collaboration
  FOR EACH ROW EXECUTE FUNCTION ksbb_collaboration_guard();
