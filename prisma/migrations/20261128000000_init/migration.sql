-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'KOTA', 'KECAMATAN', 'KELURAHAN');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('INDIVIDUAL', 'COMPANY', 'FOUNDATION', 'COMMUNITY_GROUP', 'AGGREGATOR', 'CITY_OFFICE');

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('PENDING', 'VERIFIED', 'REJECTED', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('DONOR', 'AGGREGATOR', 'CITY_STAFF', 'ADMIN');

-- CreateEnum
CREATE TYPE "ProgramCategory" AS ENUM ('PANGAN', 'UMKM', 'PENDIDIKAN', 'PERMUKIMAN', 'PERSAMPAHAN', 'TENAGA_KERJA');

-- CreateEnum
CREATE TYPE "ProgramStatus" AS ENUM ('PLANNED', 'DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "NeedUnit" AS ENUM ('FOOD_PACKAGE', 'BUSINESS_PACKAGE', 'WORKING_CAPITAL_GRANT', 'DEVICE', 'DATA_PACKAGE', 'HOUSE_REPAIR', 'SANITATION_UNIT', 'PATH_METRE');

-- CreateEnum
CREATE TYPE "BeneficiaryKind" AS ENUM ('HOUSEHOLD', 'BUSINESS', 'STUDENT', 'TEACHER', 'RESIDENT');

-- CreateEnum
CREATE TYPE "NeedPriority" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "NeedStatus" AS ENUM ('DRAFT', 'OPEN', 'FULFILLED', 'CLOSED');

-- CreateEnum
CREATE TYPE "DeliveryMode" AS ENUM ('DIRECT', 'AGGREGATOR');

-- CreateEnum
CREATE TYPE "PledgeStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'REJECTED', 'SCHEDULED', 'IN_DELIVERY', 'DELIVERED', 'CONFIRMED', 'CANCELLED', 'EXPIRED');

-- CreateTable
CREATE TABLE "region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parent_code" TEXT,

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "verification_status" "VerificationStatus" NOT NULL DEFAULT 'PENDING',
    "verification_reason" TEXT,
    "verified_at" TIMESTAMP(3),
    "show_publicly" BOOLEAN NOT NULL DEFAULT false,
    "contact_email" TEXT,
    "contact_phone" TEXT,
    "delivery_capacity" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "aggregator_area" (
    "organisation_id" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,

    CONSTRAINT "aggregator_area_pkey" PRIMARY KEY ("organisation_id","region_code")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "role" "Role" NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "program" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "category" "ProgramCategory" NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "description_id" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "status" "ProgramStatus" NOT NULL,
    "owner_organisation_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "need" (
    "id" TEXT NOT NULL,
    "program_id" TEXT NOT NULL,
    "kota_code" TEXT NOT NULL,
    "kecamatan_code" TEXT NOT NULL,
    "kelurahan_code" TEXT NOT NULL,
    "rw" INTEGER,
    "item" TEXT NOT NULL,
    "description" TEXT,
    "unit" "NeedUnit" NOT NULL,
    "target_quantity" INTEGER NOT NULL,
    "pledged_quantity" INTEGER NOT NULL DEFAULT 0,
    "delivered_quantity" INTEGER NOT NULL DEFAULT 0,
    "beneficiary_count" INTEGER NOT NULL,
    "beneficiary_kind" "BeneficiaryKind" NOT NULL,
    "priority" "NeedPriority" NOT NULL,
    "deadline" DATE NOT NULL,
    "status" "NeedStatus" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pledge" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "need_id" TEXT NOT NULL,
    "donor_organisation_id" TEXT NOT NULL,
    "created_by_id" TEXT,
    "quantity" INTEGER NOT NULL,
    "delivered_quantity" INTEGER NOT NULL DEFAULT 0,
    "delivery_mode" "DeliveryMode" NOT NULL,
    "aggregator_organisation_id" TEXT,
    "planned_delivery_on" DATE NOT NULL,
    "note" TEXT,
    "status" "PledgeStatus" NOT NULL DEFAULT 'SUBMITTED',
    "status_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "idempotency_key" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_update" (
    "id" TEXT NOT NULL,
    "pledge_id" TEXT NOT NULL,
    "recorded_by_id" TEXT NOT NULL,
    "delivered_on" DATE NOT NULL,
    "quantity" INTEGER NOT NULL,
    "recipient_group" TEXT NOT NULL,
    "recipient_count" INTEGER,
    "notes" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_update_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_photo" (
    "id" TEXT NOT NULL,
    "delivery_update_id" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "is_public" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_photo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "actor_user_id" TEXT,
    "actor_organisation_id" TEXT,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT,
    "reason" TEXT,
    "metadata" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "region_parent_code_idx" ON "region"("parent_code");

-- CreateIndex
CREATE INDEX "region_level_name_idx" ON "region"("level", "name");

-- CreateIndex
CREATE INDEX "organisation_kind_verification_status_idx" ON "organisation"("kind", "verification_status");

-- CreateIndex
CREATE INDEX "aggregator_area_region_code_idx" ON "aggregator_area"("region_code");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_organisation_id_idx" ON "app_user"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "program_slug_key" ON "program"("slug");

-- CreateIndex
CREATE INDEX "program_category_status_idx" ON "program"("category", "status");

-- CreateIndex
CREATE INDEX "need_status_priority_deadline_idx" ON "need"("status", "priority", "deadline");

-- CreateIndex
CREATE INDEX "need_kota_code_status_idx" ON "need"("kota_code", "status");

-- CreateIndex
CREATE INDEX "need_kecamatan_code_status_idx" ON "need"("kecamatan_code", "status");

-- CreateIndex
CREATE INDEX "need_kelurahan_code_status_idx" ON "need"("kelurahan_code", "status");

-- CreateIndex
CREATE INDEX "need_program_id_status_idx" ON "need"("program_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "pledge_reference_key" ON "pledge"("reference");

-- CreateIndex
CREATE INDEX "pledge_need_id_status_idx" ON "pledge"("need_id", "status");

-- CreateIndex
CREATE INDEX "pledge_donor_organisation_id_status_idx" ON "pledge"("donor_organisation_id", "status");

-- CreateIndex
CREATE INDEX "pledge_aggregator_organisation_id_status_idx" ON "pledge"("aggregator_organisation_id", "status");

-- CreateIndex
CREATE INDEX "pledge_status_created_at_idx" ON "pledge"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "pledge_donor_organisation_id_idempotency_key_key" ON "pledge"("donor_organisation_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "delivery_update_pledge_id_idx" ON "delivery_update"("pledge_id");

-- CreateIndex
CREATE UNIQUE INDEX "delivery_photo_storage_key_key" ON "delivery_photo"("storage_key");

-- CreateIndex
CREATE INDEX "delivery_photo_delivery_update_id_idx" ON "delivery_photo"("delivery_update_id");

-- CreateIndex
CREATE INDEX "audit_event_entity_type_entity_id_created_at_idx" ON "audit_event"("entity_type", "entity_id", "created_at");

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aggregator_area" ADD CONSTRAINT "aggregator_area_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aggregator_area" ADD CONSTRAINT "aggregator_area_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "program" ADD CONSTRAINT "program_owner_organisation_id_fkey" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need" ADD CONSTRAINT "need_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need" ADD CONSTRAINT "need_kota_code_fkey" FOREIGN KEY ("kota_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need" ADD CONSTRAINT "need_kecamatan_code_fkey" FOREIGN KEY ("kecamatan_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need" ADD CONSTRAINT "need_kelurahan_code_fkey" FOREIGN KEY ("kelurahan_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_need_id_fkey" FOREIGN KEY ("need_id") REFERENCES "need"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_donor_organisation_id_fkey" FOREIGN KEY ("donor_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_aggregator_organisation_id_fkey" FOREIGN KEY ("aggregator_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_update" ADD CONSTRAINT "delivery_update_pledge_id_fkey" FOREIGN KEY ("pledge_id") REFERENCES "pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_update" ADD CONSTRAINT "delivery_update_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_photo" ADD CONSTRAINT "delivery_photo_delivery_update_id_fkey" FOREIGN KEY ("delivery_update_id") REFERENCES "delivery_update"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_organisation_id_fkey" FOREIGN KEY ("actor_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------
-- Invariants kept by the database itself, not only by application code.
-- ---------------------------------------------------------------------------

-- Regions: the code's shape matches its level, and a child's code extends its parent's.
ALTER TABLE "region" ADD CONSTRAINT "region_code_matches_level" CHECK (
  ("level" = 'PROVINCE'  AND "code" ~ '^[0-9]{2}$') OR
  ("level" = 'KOTA'      AND "code" ~ '^[0-9]{2}\.[0-9]{2}$') OR
  ("level" = 'KECAMATAN' AND "code" ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$') OR
  ("level" = 'KELURAHAN' AND "code" ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$')
);
ALTER TABLE "region" ADD CONSTRAINT "region_parent_is_prefix" CHECK (
  ("level" = 'PROVINCE' AND "parent_code" IS NULL) OR
  ("level" <> 'PROVINCE' AND "parent_code" IS NOT NULL AND left("code", length("parent_code") + 1) = "parent_code" || '.')
);

ALTER TABLE "organisation" ADD CONSTRAINT "organisation_name_not_blank" CHECK (length(btrim("name")) BETWEEN 1 AND 200);
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_capacity_positive" CHECK ("delivery_capacity" IS NULL OR "delivery_capacity" > 0);
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_capacity_only_for_aggregators" CHECK ("delivery_capacity" IS NULL OR "kind" = 'AGGREGATOR');

ALTER TABLE "app_user" ADD CONSTRAINT "app_user_email_lowercase" CHECK ("email" = lower("email"));

ALTER TABLE "program" ADD CONSTRAINT "program_period_ordered" CHECK ("ends_on" >= "starts_on");

ALTER TABLE "need" ADD CONSTRAINT "need_target_positive" CHECK ("target_quantity" > 0);
ALTER TABLE "need" ADD CONSTRAINT "need_pledged_within_target" CHECK ("pledged_quantity" >= 0 AND "pledged_quantity" <= "target_quantity");
ALTER TABLE "need" ADD CONSTRAINT "need_delivered_within_target" CHECK ("delivered_quantity" >= 0 AND "delivered_quantity" <= "target_quantity");
ALTER TABLE "need" ADD CONSTRAINT "need_beneficiaries_positive" CHECK ("beneficiary_count" > 0);
ALTER TABLE "need" ADD CONSTRAINT "need_rw_range" CHECK ("rw" IS NULL OR "rw" BETWEEN 1 AND 99);
ALTER TABLE "need" ADD CONSTRAINT "need_item_not_blank" CHECK (length(btrim("item")) BETWEEN 1 AND 200);
ALTER TABLE "need" ADD CONSTRAINT "need_region_path_consistent" CHECK (
  "kelurahan_code" ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$' AND
  left("kelurahan_code", length("kecamatan_code") + 1) = "kecamatan_code" || '.' AND
  left("kecamatan_code", length("kota_code") + 1) = "kota_code" || '.' AND
  "kota_code" ~ '^[0-9]{2}\.[0-9]{2}$'
);
ALTER TABLE "need" ADD CONSTRAINT "need_version_non_negative" CHECK ("version" >= 0);

ALTER TABLE "pledge" ADD CONSTRAINT "pledge_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_delivered_within_quantity" CHECK ("delivered_quantity" >= 0 AND "delivered_quantity" <= "quantity");
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_aggregator_matches_mode" CHECK (("delivery_mode" = 'AGGREGATOR') = ("aggregator_organisation_id" IS NOT NULL));
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_version_non_negative" CHECK ("version" >= 0);

ALTER TABLE "delivery_update" ADD CONSTRAINT "delivery_update_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "delivery_update" ADD CONSTRAINT "delivery_update_recipients_positive" CHECK ("recipient_count" IS NULL OR "recipient_count" > 0);

ALTER TABLE "delivery_photo" ADD CONSTRAINT "delivery_photo_size_positive" CHECK ("byte_size" > 0);

-- History is append-only: no UPDATE or DELETE, whatever code path tries.
CREATE FUNCTION "refuse_change_to_history"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_history"();
CREATE TRIGGER "delivery_update_append_only" BEFORE UPDATE OR DELETE ON "delivery_update"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_history"();
