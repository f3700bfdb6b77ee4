-- One ID scheme for new rows (issue 13, docs/decisions/0017): the database gives every
-- row its id, whichever path inserts it (Prisma, the pledge statement, the need import,
-- the seeds). A UUIDv7 written as 32 lower-case hex digits: 48 bits of milliseconds, so
-- ids sort by creation time and index well, then 74 random bits. Ids written before
-- keep their old forms (Prisma's cuid, plg_…, ntf_…, eml_…); nothing parses an id.
CREATE FUNCTION ksbb_new_id() RETURNS text LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0')
         || '7' || substr(r, 14, 3) || substr(r, 17, 16)
    FROM (SELECT replace(gen_random_uuid()::text, '-', '') AS r) AS random_part
$$;
-- AlterTable
ALTER TABLE "account_token" ALTER COLUMN "id" SET DEFAULT ksbb_new_id();

-- AlterTable
ALTER TABLE "app_user" ALTER COLUMN "id" SET DEFAULT ksbb_new_id();

-- AlterTable
ALTER TABLE "delivery_photo" ALTER COLUMN "id" SET DEFAULT ksbb_new_id();

-- AlterTable
ALTER TABLE "delivery_update" ALTER COLUMN "id" SET DEFAULT ksbb_new_id();

-- AlterTable
ALTER TABLE "email_outbox" ALTER COLUMN "id" SET DEFAULT ksbb_new_id();

-- AlterTable
ALTER TABLE "invitation" ALTER COLUMN "id" SET DEFAULT ksbb_new_id();

-- AlterTable
ALTER TABLE "need" ALTER COLUMN "id" SET DEFAULT ksbb_new_id();

-- AlterTable
ALTER TABLE "notification" ALTER COLUMN "id" SET DEFAULT ksbb_new_id();

-- AlterTable
ALTER TABLE "organisation" ALTER COLUMN "id" SET DEFAULT ksbb_new_id();

-- AlterTable
ALTER TABLE "pledge" ALTER COLUMN "id" SET DEFAULT ksbb_new_id();

-- AlterTable
ALTER TABLE "program" ALTER COLUMN "id" SET DEFAULT ksbb_new_id();

-- AlterTable
ALTER TABLE "recovery_code" ALTER COLUMN "id" SET DEFAULT ksbb_new_id();

