// npm run db:check [-- --repair]: lists every need whose stored totals (pledged, approved,
// delivered, confirmed) differ from its pledges, as need_totals_computed sums them, and
// exits 1 if there is one. It reads the database the portal is configured for
// (DATABASE_URL, or the embedded one in .data/ — stop the portal first, it holds that
// one open). --repair sets the listed needs' totals to the computed ones, with an audit
// event each, and checks again.
import { dbHandle } from "@/lib/db/index.ts";
import { findInconsistentNeeds, REPAIR_NEED_TOTALS_SQL, type InconsistentNeed } from "@/lib/pledges/totals.ts";

const repair = process.argv.includes("--repair");
const handle = dbHandle();

function report(needs: InconsistentNeed[]) {
  if (needs.length === 0) return;
  console.table(
    needs.slice(0, 50).map((need) => ({
      need: need.id,
      target: need.target,
      pledged: `${need.pledged} ≠ ${need.pledgedComputed}`,
      approved: `${need.approved} ≠ ${need.approvedComputed}`,
      delivered: `${need.delivered} ≠ ${need.deliveredComputed}`,
      confirmed: `${need.confirmed} ≠ ${need.confirmedComputed}`,
    })),
  );
  if (needs.length > 50) console.log(`… and ${needs.length - 50} more`);
}

let exitCode = 0;
try {
  const needs = await findInconsistentNeeds(handle);
  console.log(`[db:check] ${needs.length} need(s) with totals that differ from their pledges`);
  report(needs);
  if (needs.length > 0 && repair) {
    const ids = needs.map((need) => need.id);
    await handle.session(async (sql) => {
      await sql.query("BEGIN");
      try {
        // The need_before_write trigger refuses direct writes of totals except in a repair.
        await sql.query("SELECT set_config('ksbb.repair_totals', 'on', true)");
        await sql.query(REPAIR_NEED_TOTALS_SQL, [ids]);
        await sql.query(
          `INSERT INTO audit_event (entity_type, entity_id, action, metadata)
           SELECT 'need', id, 'need.totals_repaired', jsonb_build_object('before', jsonb_build_object(
                    'pledged', pledged, 'approved', approved, 'delivered', delivered, 'confirmed', confirmed))
             FROM jsonb_to_recordset($1::jsonb) AS r(id text, pledged int, approved int, delivered int, confirmed int)`,
          [JSON.stringify(needs)],
        );
        await sql.query("COMMIT");
      } catch (error) {
        await sql.query("ROLLBACK");
        throw error;
      }
    });
    const after = await findInconsistentNeeds(handle);
    console.log(`[db:check] repaired ${ids.length}; ${after.length} still differ`);
    report(after);
    exitCode = after.length > 0 ? 1 : 0;
  } else {
    exitCode = needs.length > 0 ? 1 : 0;
    if (needs.length > 0)
      console.log("[db:check] run `npm run db:check -- --repair` to set them from the pledges (each repair is audited)");
  }
} catch (error) {
  console.error(`[db:check] could not check: ${(error as Error).message}`);
  exitCode = 2;
} finally {
  await handle.close();
}
process.exit(exitCode);
