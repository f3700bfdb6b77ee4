-- AlterTable
ALTER TABLE "need" ADD COLUMN     "community_confirmed_quantity" INTEGER NOT NULL DEFAULT 0;


-- Issue 16: what recipients' representatives confirmed receiving, per need, kept on the need
-- like its other totals, so the transparency figures read it without joining the deliveries.
ALTER TABLE need ADD CONSTRAINT need_community_confirmed_quantity_not_negative CHECK (community_confirmed_quantity >= 0);

CREATE FUNCTION ksbb_need_community_total() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A link is used once: it counts when its confirmation is written, never again.
  IF NEW.confirmed_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.confirmed_at IS NULL) THEN
    UPDATE need n SET community_confirmed_quantity = n.community_confirmed_quantity + COALESCE(NEW.quantity_received, 0)
      FROM delivery_update d JOIN pledge p ON p.id = d.pledge_id
     WHERE d.id = NEW.delivery_update_id AND n.id = p.need_id;
  ELSIF TG_OP = 'UPDATE' AND OLD.confirmed_at IS NOT NULL AND NEW.quantity_received IS DISTINCT FROM OLD.quantity_received THEN
    RAISE EXCEPTION 'community confirmation: a confirmed quantity does not change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER community_confirmation_need_total AFTER INSERT OR UPDATE ON community_confirmation
  FOR EACH ROW EXECUTE FUNCTION ksbb_need_community_total();

-- The confirmations made before this column existed.
UPDATE need n SET community_confirmed_quantity = t.received
  FROM (SELECT p.need_id, sum(c.quantity_received)::int AS received
          FROM community_confirmation c JOIN delivery_update d ON d.id = c.delivery_update_id JOIN pledge p ON p.id = d.pledge_id
         WHERE c.confirmed_at IS NOT NULL GROUP BY p.need_id) t
 WHERE n.id = t.need_id;
