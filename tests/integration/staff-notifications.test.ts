import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { dateOnly, jakartaToday } from "@/lib/dates.ts";
import { setLocale } from "@/lib/i18n/actions.ts";
import { queueStaffDigests } from "@/lib/notifications/digest.ts";
import { portalLink } from "@/lib/notifications/mail.ts";
import { rejectOrganisationAction, verifyOrganisationAction } from "@/lib/organisations/actions.ts";
import { settle } from "@/tests/helpers/actions.ts";
import { sql } from "@/tests/helpers/db.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";

// An organisation hears of every verification decision, and staff who chose the daily
// digest get exactly one mail a day with what waits for them.

let staff = "";

beforeAll(async () => {
  staff = await userIdByEmail("staf@ksbb.test");
});

const newId = (prefix: string) => `${prefix}${randomUUID().replaceAll("-", "").slice(0, 12)}`;

async function pendingOrganisation(members: { locale: string }[]) {
  const organisationId = newId("org_t");
  await sql(
    `INSERT INTO organisation (id, name, kind, verification_status, updated_at) VALUES ($1, 'Yayasan Uji <Harapan>', 'FOUNDATION', 'PENDING', now())`,
    [organisationId],
  );
  const users = [];
  for (const member of members) {
    const id = newId("usr_t");
    await sql(
      `INSERT INTO app_user (id, email, name, role, organisation_id, locale, updated_at) VALUES ($1, $2, 'Anggota Uji', 'DONOR', $3, $4, now())`,
      [id, `${id}@ksbb.test`, organisationId, member.locale],
    );
    users.push({ id, email: `${id}@ksbb.test` });
  }
  return { organisationId, users };
}

async function outbox(to: string) {
  return sql<{ subject: string; body: string; html: string }>(
    `SELECT subject, body, html FROM email_outbox WHERE to_address = $1 ORDER BY created_at`,
    [to],
  );
}

describe("verification decisions", () => {
  it("tell every member in the app and by mail, in their language, with the city's reason", async () => {
    const { organisationId, users } = await pendingOrganisation([{ locale: "id" }, { locale: "en" }]);
    actAs(staff);
    await settle(
      rejectOrganisationAction(null, form({ organisationId, status: "PENDING", reason: "Akta pendirian tidak terbaca; unggah ulang." })),
    );

    for (const user of users) {
      const notices = await sql<{ kind: string; params: unknown; pledge_id: string | null }>(
        `SELECT kind, params, pledge_id FROM notification WHERE user_id = $1`,
        [user.id],
      );
      expect(notices).toEqual([{ kind: "organisation.REJECTED", params: { organisation: "Yayasan Uji <Harapan>" }, pledge_id: null }]);
    }
    const [idMail] = await outbox(users[0]!.email);
    expect(idMail!.subject).toBe("[KSBB] Verifikasi organisasi Yayasan Uji <Harapan> ditolak");
    expect(idMail!.body).toContain("Alasan dari petugas: Akta pendirian tidak terbaca; unggah ulang.");
    expect(idMail!.body).toContain(portalLink("/akun"));
    expect(idMail!.html).toContain("Yayasan Uji &#60;Harapan&#62;");
    const [enMail] = await outbox(users[1]!.email);
    expect(enMail!.subject).toBe("[KSBB] The verification of Yayasan Uji <Harapan> was declined");
    expect(enMail!.body).toContain("Reason given by the city: Akta pendirian tidak terbaca; unggah ulang.");

    // A later verification is news too.
    await settle(verifyOrganisationAction(null, form({ organisationId, status: "REJECTED" })));
    const kinds = await sql<{ kind: string }>(`SELECT kind FROM notification WHERE user_id = $1 ORDER BY created_at`, [users[0]!.id]);
    expect(kinds.map((row) => row.kind)).toEqual(["organisation.REJECTED", "organisation.VERIFIED"]);
    expect((await outbox(users[0]!.email)).map((mail) => mail.subject)).toEqual([
      "[KSBB] Verifikasi organisasi Yayasan Uji <Harapan> ditolak",
      "[KSBB] Organisasi Yayasan Uji <Harapan> sudah diverifikasi Pemprov DKI Jakarta",
    ]);
  });
});

describe("the language of a person's mails", () => {
  it("follows the language switch of a signed-in person, and only theirs", async () => {
    const { users } = await pendingOrganisation([{ locale: "id" }, { locale: "id" }]);
    actAs(users[0]!.id);
    await setLocale(form({ locale: "en" }));
    const rows = await sql<{ id: string; locale: string }>(`SELECT id, locale FROM app_user WHERE id = ANY($1::text[]) ORDER BY id`, [
      users.map((user) => user.id),
    ]);
    expect(Object.fromEntries(rows.map((row) => [row.id, row.locale]))).toEqual({ [users[0]!.id]: "en", [users[1]!.id]: "id" });
  });
});

describe("the staff daily digest", () => {
  it("is one mail per staff member per day, with their office's counts, and none for who chose a mail per notice", async () => {
    const [office] = await sql<{ id: string }>(`SELECT organisation_id AS id FROM app_user WHERE id = $1`, [staff]);
    const digestStaff = newId("usr_t");
    const eagerStaff = newId("usr_t");
    await sql(
      `INSERT INTO app_user (id, email, name, role, organisation_id, staff_mail, locale, updated_at)
       VALUES ($1, $2, 'Petugas Ringkasan', 'CITY_STAFF', $5, 'DAILY_DIGEST', 'en', now()),
              ($3, $4, 'Petugas Cepat', 'CITY_STAFF', $5, 'IMMEDIATE', 'id', now())`,
      [digestStaff, `${digestStaff}@ksbb.test`, eagerStaff, `${eagerStaff}@ksbb.test`, office!.id],
    );
    const [expected] = await sql<{ review: number; confirm: number; organisations: number }>(
      `SELECT count(*) FILTER (WHERE pl.status = 'SUBMITTED')::int AS review,
              count(*) FILTER (WHERE pl.status = 'DELIVERED')::int AS confirm,
              (SELECT count(*)::int FROM organisation WHERE verification_status = 'PENDING' AND kind <> 'CITY_OFFICE') AS organisations
         FROM pledge pl JOIN need n ON n.id = pl.need_id JOIN program p ON p.id = n.program_id
        WHERE p.owner_organisation_id = $1`,
      [office!.id],
    );
    expect(expected!.review + expected!.confirm + expected!.organisations).toBeGreaterThan(0);

    // Two runs at once (two instances) and a third later the same day.
    const now = new Date();
    const runs = await Promise.all([queueStaffDigests(now), queueStaffDigests(now)]);
    await queueStaffDigests(new Date(now.getTime() + 60_000));

    const mails = await outbox(`${digestStaff}@ksbb.test`);
    expect(mails).toHaveLength(1);
    const total = expected!.review + expected!.confirm + expected!.organisations;
    expect(mails[0]!.subject).toMatch(new RegExp(`^\\[KSBB\\] Daily summary .+: ${total} items? waiting for you$`));
    expect(mails[0]!.body).toContain(`${expected!.review} pledge`);
    expect(mails[0]!.body).toContain(portalLink("/staf"));
    expect(await outbox(`${eagerStaff}@ksbb.test`)).toEqual([]);
    expect(runs.reduce((sum, run) => sum + run.queued, 0)).toBeGreaterThan(0);
    expect(await sql(`SELECT day::text AS day FROM staff_digest WHERE user_id = $1`, [digestStaff])).toEqual([{ day: jakartaToday(now) }]);

    // The next Jakarta day brings the next digest.
    const tomorrow = new Date(dateOnly(jakartaToday(now)).getTime() + 36 * 3_600_000);
    await queueStaffDigests(tomorrow);
    expect(await outbox(`${digestStaff}@ksbb.test`)).toHaveLength(2);
  });
});
