-- Need totals, defined once, in the database (issue 13, docs/decisions/0017-need-totals-in-database.md).
--
-- What one pledge adds to its need's four totals is written here and nowhere else:
--   pledged    every pledge's quantity, except a released one (rejected, cancelled,
--              expired), which keeps only what it delivered;
--   approved   the quantity of a pledge the city accepted, whatever its delivery progress;
--   delivered  what was delivered, in every status;
--   confirmed  what was delivered on a pledge the city confirmed.
-- need_totals_computed sums it over the pledges (npm run db:check compares); the
-- triggers below apply its change to the stored columns in the same statement as
-- every insert, update or delete of pledges, so nothing else writes them.

CREATE FUNCTION ksbb_pledge_totals(status "PledgeStatus", quantity integer, delivered integer,
  OUT pledged integer, OUT approved integer, OUT delivered_part integer, OUT confirmed integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN status IN ('REJECTED', 'CANCELLED', 'EXPIRED') THEN delivered ELSE quantity END,
         CASE WHEN status IN ('APPROVED', 'SCHEDULED', 'IN_DELIVERY', 'DELIVERED', 'CONFIRMED') THEN quantity ELSE 0 END,
         delivered,
         CASE WHEN status = 'CONFIRMED' THEN delivered ELSE 0 END
$$;

CREATE VIEW need_totals_computed AS
SELECT n.id AS need_id,
       COALESCE(SUM(t.pledged), 0)::integer AS pledged_quantity,
       COALESCE(SUM(t.approved), 0)::integer AS approved_quantity,
       COALESCE(SUM(t.delivered_part), 0)::integer AS delivered_quantity,
       COALESCE(SUM(t.confirmed), 0)::integer AS confirmed_quantity
  FROM need n
  LEFT JOIN pledge p ON p.need_id = n.id
  LEFT JOIN LATERAL ksbb_pledge_totals(p.status, p.quantity, p.delivered_quantity) t ON p.id IS NOT NULL
 GROUP BY n.id;

-- Moves the stored totals of several needs at once (one row each, in id order so two
-- statements lock needs in the same order). The need's CHECKs (pledged within target,
-- approved within pledged, confirmed within delivered) judge the result.
CREATE FUNCTION ksbb_move_need_totals(need_ids text[], pledged integer[], approved integer[], delivered integer[], confirmed integer[])
RETURNS void LANGUAGE sql AS $$
  UPDATE need n
     SET pledged_quantity = n.pledged_quantity + d.pledged,
         approved_quantity = n.approved_quantity + d.approved,
         delivered_quantity = n.delivered_quantity + d.delivered,
         confirmed_quantity = n.confirmed_quantity + d.confirmed,
         updated_at = now()
    FROM (SELECT * FROM unnest(need_ids, pledged, approved, delivered, confirmed) AS u(need_id, pledged, approved, delivered, confirmed)
           WHERE u.pledged <> 0 OR u.approved <> 0 OR u.delivered <> 0 OR u.confirmed <> 0
           ORDER BY u.need_id) d
   WHERE n.id = d.need_id
$$;

-- One trigger function for the three statements; each sees only its own transition
-- tables, so each branch names just those.
CREATE FUNCTION ksbb_pledge_totals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM ksbb_move_need_totals(array_agg(need_id), array_agg(pledged), array_agg(approved), array_agg(delivered), array_agg(confirmed))
       FROM (SELECT r.need_id, SUM(t.pledged)::int AS pledged, SUM(t.approved)::int AS approved,
                    SUM(t.delivered_part)::int AS delivered, SUM(t.confirmed)::int AS confirmed
               FROM added r, ksbb_pledge_totals(r.status, r.quantity, r.delivered_quantity) t GROUP BY r.need_id) s;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM ksbb_move_need_totals(array_agg(need_id), array_agg(pledged), array_agg(approved), array_agg(delivered), array_agg(confirmed))
       FROM (SELECT r.need_id, -SUM(t.pledged)::int AS pledged, -SUM(t.approved)::int AS approved,
                    -SUM(t.delivered_part)::int AS delivered, -SUM(t.confirmed)::int AS confirmed
               FROM removed r, ksbb_pledge_totals(r.status, r.quantity, r.delivered_quantity) t GROUP BY r.need_id) s;
  ELSE
    PERFORM ksbb_move_need_totals(array_agg(need_id), array_agg(pledged), array_agg(approved), array_agg(delivered), array_agg(confirmed))
       FROM (SELECT c.need_id, SUM(c.sign * t.pledged)::int AS pledged, SUM(c.sign * t.approved)::int AS approved,
                    SUM(c.sign * t.delivered_part)::int AS delivered, SUM(c.sign * t.confirmed)::int AS confirmed
               FROM (SELECT 1 AS sign, * FROM added UNION ALL SELECT -1, * FROM removed) c,
                    ksbb_pledge_totals(c.status, c.quantity, c.delivered_quantity) t
              GROUP BY c.need_id) s;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER pledge_totals_after_insert AFTER INSERT ON pledge
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ksbb_pledge_totals_changed();
CREATE TRIGGER pledge_totals_after_update AFTER UPDATE ON pledge
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ksbb_pledge_totals_changed();
CREATE TRIGGER pledge_totals_after_delete AFTER DELETE ON pledge
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ksbb_pledge_totals_changed();

-- Bring every stored total in line with the definition once.
UPDATE need n
   SET pledged_quantity = c.pledged_quantity, approved_quantity = c.approved_quantity,
       delivered_quantity = c.delivered_quantity, confirmed_quantity = c.confirmed_quantity
  FROM need_totals_computed c
 WHERE c.need_id = n.id
   AND (n.pledged_quantity, n.approved_quantity, n.delivered_quantity, n.confirmed_quantity)
       IS DISTINCT FROM (c.pledged_quantity, c.approved_quantity, c.delivered_quantity, c.confirmed_quantity);

-- Before a need row is written:
-- * its totals may change only through the pledge triggers above (which run one level
--   down, pg_trigger_depth() = 2). A new need starts at zero. An operator repairing
--   totals (npm run db:check -- --repair) sets ksbb.repair_totals for that transaction.
-- * open and fulfilled follow coverage: an open need is fulfilled exactly when
--   everything is pledged, whichever statement moved its pledged total or its target.
CREATE FUNCTION ksbb_need_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND current_setting('ksbb.repair_totals', true) IS DISTINCT FROM 'on' THEN
    IF TG_OP = 'INSERT' AND (NEW.pledged_quantity, NEW.approved_quantity, NEW.delivered_quantity, NEW.confirmed_quantity) <> (0, 0, 0, 0)
       OR TG_OP = 'UPDATE' AND (NEW.pledged_quantity, NEW.approved_quantity, NEW.delivered_quantity, NEW.confirmed_quantity)
                               IS DISTINCT FROM (OLD.pledged_quantity, OLD.approved_quantity, OLD.delivered_quantity, OLD.confirmed_quantity) THEN
      RAISE EXCEPTION 'a need''s totals follow its pledges and are not written directly'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'need_totals_follow_pledges';
    END IF;
  END IF;
  IF NEW.status IN ('OPEN', 'FULFILLED') THEN
    NEW.status := CASE WHEN NEW.pledged_quantity >= NEW.target_quantity THEN 'FULFILLED' ELSE 'OPEN' END;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER need_before_write
  BEFORE INSERT OR UPDATE OF status, target_quantity, pledged_quantity, approved_quantity, delivered_quantity, confirmed_quantity ON need
  FOR EACH ROW EXECUTE FUNCTION ksbb_need_before_write();
