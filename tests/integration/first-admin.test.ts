import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password.ts";
import { createFirstAdmin } from "@/lib/users/first-admin.ts";
import { sql } from "@/tests/helpers/db.ts";

describe("the first admin of a new deployment", () => {
  it("is made once, with a one-time password, a city office and an audit event; never a second time", async () => {
    await sql(`UPDATE app_user SET role = 'CITY_STAFF' WHERE role = 'ADMIN'`); // as on a real database: no admin yet
    const { password } = await createFirstAdmin({
      email: "kepala@jakarta.go.id",
      name: "Kepala Pusat Data",
      office: "Diskominfotik Provinsi DKI Jakarta",
    });
    const [admin] = await sql<{ id: string; password_hash: string; kind: string; totp_enabled_at: Date | null }>(
      `SELECT u.id, u.password_hash, o.kind, u.totp_enabled_at FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.email = 'kepala@jakarta.go.id' AND u.role = 'ADMIN'`,
    );
    expect(admin).toMatchObject({ kind: "CITY_OFFICE", totp_enabled_at: null });
    expect(await verifyPassword(password, admin!.password_hash)).toBe(true);
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await sql(`SELECT 1 FROM audit_event WHERE entity_id = $1 AND action = 'user.created'`, [admin!.id])).toHaveLength(1);
    await expect(createFirstAdmin({ email: "kedua@jakarta.go.id", name: "Admin Kedua", office: "Kantor Lain" })).rejects.toThrow(
      /admin account exists already/,
    );
  });
});
