-- AlterTable
ALTER TABLE "pledge" ADD COLUMN     "receipt_code" TEXT;

-- CreateTable
CREATE TABLE "contribution_statement" (
    "code" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "pledge_count" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contribution_statement_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE UNIQUE INDEX "contribution_statement_organisation_id_year_pledge_count_key" ON "contribution_statement"("organisation_id", "year", "pledge_count");

-- CreateIndex
CREATE UNIQUE INDEX "pledge_receipt_code_key" ON "pledge"("receipt_code");

-- AddForeignKey
ALTER TABLE "contribution_statement" ADD CONSTRAINT "contribution_statement_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Issue 15: receipts. A confirmed pledge gets its receipt's public verification code from
-- the database, whichever path confirms it (the app, a seed, an operator): 12 characters of
-- an unambiguous alphabet in three groups, e.g. TT-7K3Q-X9PD-M4RA. Confirmation is final, so
-- a pledge has a code exactly when it is confirmed.
CREATE FUNCTION ksbb_receipt_code() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  alphabet CONSTANT text := '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  code text := '';
BEGIN
  FOR i IN 1..12 LOOP
    code := code || substr(alphabet, 1 + floor(random() * 32)::int, 1);
    IF i % 4 = 0 AND i < 12 THEN code := code || '-'; END IF;
  END LOOP;
  RETURN 'TT-' || code;
END $$;

CREATE FUNCTION pledge_receipt_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'CONFIRMED'::"PledgeStatus" AND NEW.receipt_code IS NULL THEN
    NEW.receipt_code := ksbb_receipt_code();
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER pledge_receipt_code BEFORE INSERT OR UPDATE OF status ON pledge
  FOR EACH ROW EXECUTE FUNCTION pledge_receipt_code();

UPDATE pledge SET receipt_code = ksbb_receipt_code() WHERE status = 'CONFIRMED'::"PledgeStatus";

ALTER TABLE pledge ADD CONSTRAINT pledge_receipt_code_when_confirmed
  CHECK ((status = 'CONFIRMED'::"PledgeStatus") = (receipt_code IS NOT NULL));
