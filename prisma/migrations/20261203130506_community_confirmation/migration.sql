-- CreateTable
CREATE TABLE "community_confirmation" (
    "id" TEXT NOT NULL,
    "delivery_update_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "confirmed_at" TIMESTAMP(3),
    "quantity_received" INTEGER,
    "note" TEXT,
    "report_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "community_confirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "community_confirmation_delivery_update_id_key" ON "community_confirmation"("delivery_update_id");

-- CreateIndex
CREATE UNIQUE INDEX "community_confirmation_token_hash_key" ON "community_confirmation"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "community_confirmation_report_id_key" ON "community_confirmation"("report_id");

-- CreateIndex
CREATE INDEX "community_confirmation_confirmed_at_idx" ON "community_confirmation"("confirmed_at");

-- AddForeignKey
ALTER TABLE "community_confirmation" ADD CONSTRAINT "community_confirmation_delivery_update_id_fkey" FOREIGN KEY ("delivery_update_id") REFERENCES "delivery_update"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_confirmation" ADD CONSTRAINT "community_confirmation_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "public_report"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Issue 16: a confirmation is used exactly when it holds what was received; a quantity is
-- never negative, never more than the delivery it confirms, and a note stays short.
ALTER TABLE community_confirmation
  ADD CONSTRAINT community_confirmation_used CHECK ((confirmed_at IS NULL) = (quantity_received IS NULL)),
  ADD CONSTRAINT community_confirmation_quantity CHECK (quantity_received IS NULL OR quantity_received >= 0),
  ADD CONSTRAINT community_confirmation_note CHECK (note IS NULL OR char_length(note) <= 500);

CREATE FUNCTION community_confirmation_within_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.quantity_received IS NOT NULL
     AND NEW.quantity_received > (SELECT quantity FROM delivery_update WHERE id = NEW.delivery_update_id) THEN
    RAISE EXCEPTION 'community confirmation of % exceeds its delivery', NEW.quantity_received
      USING ERRCODE = 'check_violation', CONSTRAINT = 'community_confirmation_within_delivery';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER community_confirmation_within_delivery BEFORE INSERT OR UPDATE ON community_confirmation
  FOR EACH ROW EXECUTE FUNCTION community_confirmation_within_delivery();
