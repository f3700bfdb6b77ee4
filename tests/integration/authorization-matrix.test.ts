import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/state.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { sql } from "@/tests/helpers/db.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";
import { isRedirect } from "@/tests/helpers/actions.ts";

// Every server action, run as every kind of caller, against one expected table.
// An action that exists but is missing from the table fails the first test.

const IDENTITIES = ["anonymous", "donorA", "donorB", "aggregatorX", "aggregatorY", "staff", "admin"] as const;
type Identity = (typeof IDENTITIES)[number];
type Outcome = "allow" | "deny";

const A = "allow" as const;
const D = "deny" as const;
//                                                          anon donorA donorB aggX aggY staff admin
const EXPECTED: Record<string, readonly Outcome[]> = {
  "lib/accounts/actions.ts#registerDonorAction": [A, A, A, A, A, A, A],
  "lib/accounts/actions.ts#registerAggregatorAction": [A, A, A, A, A, A, A],
  "lib/accounts/actions.ts#signInAction": [A, A, A, A, A, A, A],
  "lib/accounts/actions.ts#signOutAction": [A, A, A, A, A, A, A],
  "lib/accounts/actions.ts#acceptInvitationAction": [A, A, A, A, A, A, A],
  "lib/accounts/actions.ts#updateProfileAction": [D, A, A, A, A, A, A],
  "lib/accounts/actions.ts#updateOrganisationAction": [D, A, A, A, A, A, A],
  "lib/accounts/actions.ts#updateStaffMailAction": [D, D, D, D, D, A, A],
  "lib/accounts/actions.ts#changePasswordAction": [D, A, A, A, A, A, A],
  // Run last for each identity (see below): it ends every session of the caller.
  "lib/accounts/actions.ts#signOutEverywhereAction": [D, A, A, A, A, A, A],
  // Step two of a staff sign-in: open to anyone who holds a challenge cookie (Auth.js then checks the code).
  "lib/accounts/actions.ts#secondFactorSignInAction": [A, A, A, A, A, A, A],
  // Only staff and admins enrol an authenticator app (these two already have: the code is then wrong, not denied).
  "lib/accounts/actions.ts#enrolSecondFactorAction": [D, D, D, D, D, A, A],
  // Only an organisation's first user invites; the demo staff account is Dinas Sosial's first user, the admin is not.
  "lib/accounts/actions.ts#inviteMemberAction": [D, A, A, A, A, A, D],
  "lib/recovery/actions.ts#requestPasswordResetAction": [A, A, A, A, A, A, A],
  "lib/recovery/actions.ts#resetPasswordAction": [A, A, A, A, A, A, A],
  "lib/recovery/actions.ts#confirmEmailAction": [A, A, A, A, A, A, A],
  "lib/recovery/actions.ts#resendConfirmationAction": [D, A, A, A, A, A, A],
  "lib/organisations/actions.ts#verifyOrganisationAction": [D, D, D, D, D, A, A],
  "lib/organisations/actions.ts#rejectOrganisationAction": [D, D, D, D, D, A, A],
  "lib/organisations/actions.ts#suspendOrganisationAction": [D, D, D, D, D, A, A],
  "lib/organisations/actions.ts#reinstateOrganisationAction": [D, D, D, D, D, A, A],
  // An organisation's public profile: its own donors and aggregators; staff and admins belong to a city office, which has none.
  "lib/organisations/actions.ts#updatePublicProfileAction": [D, A, A, A, A, D, D],
  "lib/organisations/actions.ts#removeLogoAction": [D, A, A, A, A, D, D],
  "lib/users/actions.ts#createStaffAction": [D, D, D, D, D, D, A],
  "lib/users/actions.ts#changeRoleAction": [D, D, D, D, D, D, A],
  "lib/users/actions.ts#setUserActiveAction": [D, D, D, D, D, D, A],
  "lib/i18n/actions.ts#setLocale": [A, A, A, A, A, A, A],
  "lib/notifications/actions.ts#markNotificationsReadAction": [D, A, A, A, A, A, A],
  "lib/notifications/actions.ts#retryMailAction": [D, D, D, D, D, A, A],
  "lib/pledges/actions.ts#createPledgeAction": [D, A, A, D, D, D, D],
  // A party that may not take this step is refused as much as an outsider; staff approve (the admin then meets a stale version, which is not a denial).
  "lib/pledges/actions.ts#changePledgeStatusAction": [D, D, D, D, D, A, A],
  "lib/pledges/actions.ts#bulkReviewPledgesAction": [D, D, D, D, D, A, A],
  // Only the pledge's own aggregator records its deliveries.
  "lib/pledges/actions.ts#recordDeliveryAction": [D, D, D, A, D, D, D],
  // Programs and needs are managed by city staff (the admin then meets a stale version, which is not a denial).
  "lib/programs/actions.ts#createProgramAction": [D, D, D, D, D, A, A],
  "lib/programs/actions.ts#updateProgramAction": [D, D, D, D, D, A, A],
  "lib/needs/actions.ts#createNeedAction": [D, D, D, D, D, A, A],
  "lib/needs/actions.ts#updateNeedAction": [D, D, D, D, D, A, A],
  "lib/needs/actions.ts#closeNeedAction": [D, D, D, D, D, A, A],
  "lib/needs/actions.ts#reopenNeedAction": [D, D, D, D, D, A, A],
  "lib/needs/actions.ts#importNeedsAction": [D, D, D, D, D, A, A],
  // A recipient representative confirms a delivery from its link, no account (the first caller uses it; later ones meet CONFLICT, not a denial).
  "lib/deliveries/actions.ts#confirmCommunityAction": [A, A, A, A, A, A, A],
  // Anyone reports a problem, signed in or not (past the per-address limit: refused as RATE_LIMITED, not denied).
  "lib/reports/actions.ts#fileReportAction": [A, A, A, A, A, A, A],
  // Staff triage reports (the admin then meets a report already in review: CONFLICT, not a denial).
  "lib/reports/actions.ts#changeReportStatusAction": [D, D, D, D, D, A, A],
  // Verified partners (donors and aggregators) propose JDCN collaborations for their own organisation; staff do not.
  "lib/collaborations/actions.ts#proposeCollaborationAction": [D, A, A, A, A, D, D],
  // Any staff member routes a proposal to an office (the admin then finds it already there: allowed, nothing to do).
  "lib/collaborations/actions.ts#routeCollaborationAction": [D, D, D, D, D, A, A],
  // The office it was routed to (Dinas Sosial, the demo staff's) or an admin steps it (the admin then meets CONFLICT, not a denial).
  "lib/collaborations/actions.ts#stepCollaborationAction": [D, D, D, D, D, A, A],
};

// Route handlers, and how each is guarded. Auth.js's own endpoints are public and
// check their CSRF token themselves; tests/e2e/route-handlers.spec.ts calls them as each role.
// "open data": public, read-only, no session read (lib/api/respond.ts publicEndpoint);
// called below as an anonymous visitor, and in tests/integration/open-data-api.test.ts.
const ROUTES: Record<
  string,
  "public" | "open data" | "pledge parties" | "donor organisation" | "own organisation" | "public collaborator" | "staff"
> = {
  "app/api/auth/[...nextauth]/route.ts": "public",
  // For load balancers: reads no session, answers only {"status"} (tests/integration/health.test.ts).
  "app/api/health/route.ts": "public",
  // requireUser, then the pledge's donor, its aggregator or staff; anyone else 404 (tests/e2e/pledge-lifecycle.spec.ts).
  "app/(account)/janji/[id]/foto/[photoId]/route.ts": "pledge parties",
  "app/(public)/data/kebutuhan.csv/route.ts": "open data",
  "app/(public)/data/kebutuhan.json/route.ts": "open data",
  "app/(public)/data/penyaluran.csv/route.ts": "open data",
  "app/(public)/data/penyaluran.json/route.ts": "open data",
  "app/api/v1/route.ts": "open data",
  "app/api/v1/needs/route.ts": "open data",
  "app/api/v1/programs/route.ts": "open data",
  "app/api/v1/regions/route.ts": "open data",
  "app/api/v1/coverage/route.ts": "open data",
  "app/api/v1/collaborations/route.ts": "open data",
  "app/(public)/data/kolaborasi.csv/route.ts": "open data",
  "app/(public)/data/kolaborasi.json/route.ts": "open data",
  // Every other address under /api/v1: a JSON 404.
  "app/api/v1/[...path]/route.ts": "open data",
  // requireRole(staff): a guest 401, anyone else 404 (tests/integration/need-import-template.test.ts, tests/e2e/need-import.spec.ts).
  "app/(staff)/staf/kebutuhan/impor/template.csv/route.ts": "staff",
  // The yearly statement as CSV: the caller's own organisation only (tests/e2e/receipts.spec.ts).
  "app/(account)/akun/laporan/csv/route.ts": "donor organisation",
  // The caller's own organisation's logo, for its preview on /akun: requireUser, a guest 401 (tests/integration/organisation-profile.test.ts).
  "app/(account)/akun/logo/route.ts": "own organisation",
  // A logo, only while its organisation is in the public directory; otherwise 404 (tests/integration/organisation-profile.test.ts).
  "app/(public)/kolaborator/[id]/logo/route.ts": "public collaborator",
};

const routeModules = import.meta.glob("/app/**/route.ts") as Record<string, () => Promise<Record<string, unknown>>>;

const modules = import.meta.glob("/lib/**/actions.ts", { eager: true }) as Record<string, Record<string, unknown>>;
const actions = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => typeof value === "function")
    .map(([name, fn]) => ({ key: `${file.replace(/^\//, "")}#${name}`, fn: fn as (...args: unknown[]) => Promise<unknown> })),
);

const ids = {} as Record<Identity, string | null>;
const orgs: Record<string, string> = {};
let counter = 0;

/** A valid input for each action, so an allowed caller really runs it. */
function inputFor(key: string): FormData {
  counter += 1;
  const email = `matrix-${counter}@contoh.test`;
  const password = { password: "gado gado betawi enak", passwordConfirm: "gado gado betawi enak" };
  const name = key.split("#")[1]!;
  switch (name) {
    case "registerDonorAction":
      return form({ kind: "INDIVIDUAL", name: "Warga Uji", email, ...password });
    case "registerAggregatorAction":
      return form({
        organisationName: `Agregator Uji ${counter}`,
        name: "Narahubung Uji",
        email,
        phone: "081234567890",
        "kelurahan[]": ["31.71.01.1001"],
        capacity: "10",
        ...password,
      });
    case "signInAction":
      return form({ email: "donor@ksbb.test", password: "KsbbDemo#2026" });
    case "signOutAction":
      return form({});
    case "signOutEverywhereAction":
      return form({});
    case "secondFactorSignInAction":
      return form({ code: "123456" });
    case "enrolSecondFactorAction":
      return form({ code: "123456" });
    case "acceptInvitationAction":
      return form({ token: "x".repeat(32), name: "Tamu Uji", ...password });
    case "requestPasswordResetAction":
      return form({ email });
    case "resetPasswordAction":
      return form({ token: "x".repeat(43), ...password });
    case "confirmEmailAction":
      return form({ token: "x".repeat(43) });
    case "resendConfirmationAction":
      return form({});
    case "updateProfileAction":
      return form({ name: "Nama Tetap Sama" });
    case "updateStaffMailAction":
      return form({ staffMail: "DAILY_DIGEST" });
    case "updateOrganisationAction":
      return form({ organisationName: "Organisasi Uji" });
    case "changePasswordAction":
      return form({ currentPassword: "salah sekali", ...password });
    case "inviteMemberAction":
      return form({ email });
    case "verifyOrganisationAction":
      return form({ organisationId: orgs.pending!, status: "PENDING" });
    case "rejectOrganisationAction":
      return form({ organisationId: orgs.pending!, status: "PENDING", reason: "Alasan penolakan uji." });
    case "suspendOrganisationAction":
      return form({ organisationId: orgs.verified!, status: "VERIFIED", reason: "Alasan penangguhan uji." });
    case "reinstateOrganisationAction":
      return form({ organisationId: orgs.verified!, status: "SUSPENDED" });
    case "updatePublicProfileAction":
      return form({ publicDescription: "Profil uji dari matriks otorisasi.", website: "https://matriks.example" });
    case "removeLogoAction":
      return form({});
    case "createStaffAction":
      return form({
        name: "Petugas Uji",
        email,
        organisationId: orgs.office!,
        role: "CITY_STAFF",
        temporaryPassword: "sementara sekali saja",
      });
    case "changeRoleAction":
      return form({ userId: orgs.spareUser!, role: "DONOR" });
    case "setUserActiveAction":
      return form({ userId: orgs.spareUser!, active: "true" });
    case "setLocale":
      return form({ locale: "id" });
    case "markNotificationsReadAction":
      return form({});
    // The first allowed call retries it; later ones are refused as CONFLICT (allowed, nothing to do).
    case "retryMailAction":
      return form({ mailId: orgs.failedMail!, status: "FAILED" });
    case "confirmCommunityAction":
      return form({ token: orgs.communityToken!, quantityReceived: "1" });
    case "fileReportAction":
      return form({
        subjectKind: "KELURAHAN",
        subjectId: "31.71.01.1001",
        category: "OTHER",
        description: "Laporan uji dari matriks otorisasi.",
      });
    case "changeReportStatusAction":
      return form({ reportId: orgs.report!, from: "NEW", to: "IN_REVIEW" });
    case "proposeCollaborationAction":
      return form({
        title: `Kolaborasi uji ${counter}`,
        topic: "EDUCATION",
        offer: "Penawaran uji dari matriks otorisasi.",
        askOfCity: "Permintaan uji dari matriks otorisasi.",
        startsOn: orgs.today!,
        endsOn: orgs.today!,
      });
    case "routeCollaborationAction":
      return form({ collaborationId: orgs.collaborationToRoute!, officeId: orgs.office! });
    case "stepCollaborationAction":
      return form({ collaborationId: orgs.collaborationToStep!, from: "RECEIVED", to: "IN_DISCUSSION", reason: "Layak dibahas bersama." });
    case "createPledgeAction":
      return form({
        needId: orgs.openNeed!,
        quantity: "1",
        deliveryMode: "DIRECT",
        plannedDeliveryOn: orgs.plannedOn!,
        idempotencyKey: crypto.randomUUID(),
      });
    case "changePledgeStatusAction":
      return form({ pledgeId: orgs.submittedPledge!, version: orgs.submittedVersion!, to: "APPROVED" });
    case "bulkReviewPledgesAction":
      return form({ "pledge[]": [`${orgs.submittedPledge2!}:${orgs.submittedVersion2!}`], to: "APPROVED" });
    case "recordDeliveryAction":
      return form({
        pledgeId: orgs.scheduledPledge!,
        version: orgs.scheduledVersion!,
        deliveredOn: orgs.today!,
        quantity: "1",
        recipientGroup: "RW 01",
      });
    case "createProgramAction":
    case "updateProgramAction":
      return form({
        ...(name === "updateProgramAction" ? { id: "prg_00002", seen: orgs.programSeen! } : {}),
        category: "UMKM",
        nameId: `Program Uji ${counter}`,
        nameEn: `Test Program ${counter}`,
        descriptionId: "Uji.",
        descriptionEn: "Test.",
        startsOn: orgs.today!,
        endsOn: orgs.today!,
        ownerOrganisationId: orgs.office!,
        status: "OPEN",
      });
    case "createNeedAction":
    case "updateNeedAction":
      return form({
        ...(name === "updateNeedAction" ? { id: orgs.editNeed!, version: "0" } : { status: "OPEN" }),
        programId: "prg_00001",
        kelurahanCode: "31.71.01.1001",
        item: `Paket uji ${counter}`,
        unit: "FOOD_PACKAGE",
        targetQuantity: "1000",
        beneficiaryCount: "10",
        beneficiaryKind: "HOUSEHOLD",
        deadline: orgs.today!,
        priority: "LOW",
      });
    case "closeNeedAction":
      return form({ id: orgs.editNeed!, version: "0", pledges: "keep" });
    case "reopenNeedAction":
      return form({ id: orgs.editNeed!, version: "0" });
    case "importNeedsAction": {
      const data = form({ programId: "prg_00001", status: "OPEN" });
      const csv = `kode_kelurahan,barang,satuan,target,jumlah_penerima,jenis_penerima,tenggat,prioritas\n31.71.01.1001,Paket impor ${counter},FOOD_PACKAGE,5,5,HOUSEHOLD,${orgs.today!},LOW\n`;
      data.append("file", new File([csv], "matrix.csv", { type: "text/csv" }));
      return data;
    }
    default:
      throw new Error(`no sample input for ${key}: add one`);
  }
}

async function outcome(fn: (...args: unknown[]) => Promise<unknown>, data: FormData): Promise<Outcome> {
  // A session of its own for each call: "sign out everywhere" must not end the next call's.
  globalThis.__ksbbTestSessionId = `matrix:${crypto.randomUUID()}`;
  try {
    const result = (fn.length >= 2 ? await fn(null, data) : await fn(data)) as ActionState | undefined;
    if (result && !result.ok && ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "SUSPENDED"].includes(result.code)) return "deny";
    return "allow";
  } catch (error) {
    // A redirect is how an allowed action says "done, go there".
    if (isRedirect(error)) return "allow";
    throw error;
  }
}

beforeAll(async () => {
  const other = async (role: string, notEmail: string) =>
    (
      await sql<{ id: string }>(
        `SELECT u.id FROM app_user u JOIN organisation o ON o.id = u.organisation_id
      WHERE u.role = $1 AND o.verification_status = 'VERIFIED' AND u.organisation_id <> (SELECT organisation_id FROM app_user WHERE email = $2)
      ORDER BY u.id LIMIT 1`,
        [role, notEmail],
      )
    )[0]!.id;
  ids.anonymous = null;
  ids.donorA = await userIdByEmail("donor@ksbb.test");
  ids.donorB = await other("DONOR", "donor@ksbb.test");
  ids.aggregatorX = await userIdByEmail("agregator@ksbb.test");
  ids.aggregatorY = await other("AGGREGATOR", "agregator@ksbb.test");
  ids.staff = await userIdByEmail("staf@ksbb.test");
  ids.admin = await userIdByEmail("admin@ksbb.test");
  orgs.pending = (
    await sql<{ id: string }>(
      `SELECT id FROM organisation WHERE verification_status = 'PENDING' AND kind <> 'CITY_OFFICE' ORDER BY id LIMIT 1`,
    )
  )[0]!.id;
  orgs.verified = (
    await sql<{ id: string }>(
      `SELECT id FROM organisation WHERE verification_status = 'VERIFIED' AND kind = 'FOUNDATION' ORDER BY id LIMIT 1`,
    )
  )[0]!.id;
  orgs.failedMail = (
    await sql<{ id: string }>(
      `INSERT INTO email_outbox (to_address, subject, body, status, attempts) VALUES ('matrix@contoh.test', 'Uji', 'Uji', 'FAILED', 5) RETURNING id`,
    )
  )[0]!.id;
  {
    const { createCommunityLink, communityLinkPath } = await import("@/lib/deliveries/community.ts");
    const { db } = await import("@/lib/db/index.ts");
    const [delivery] = await sql<{ id: string }>(
      `SELECT d.id FROM delivery_update d WHERE NOT EXISTS (SELECT 1 FROM community_confirmation c WHERE c.delivery_update_id = d.id) ORDER BY d.id LIMIT 1`,
    );
    const linkId = await db.$transaction((tx) => createCommunityLink(tx, delivery!.id));
    orgs.communityToken = communityLinkPath(linkId).split("/").pop()!;
  }
  orgs.report = (
    await sql<{ id: string }>(
      `INSERT INTO public_report (subject_kind, subject_id, category, description) VALUES ('KELURAHAN', '31.71.01.1001', 'OTHER', 'Laporan uji untuk matriks.') RETURNING id`,
    )
  )[0]!.id;
  orgs.office = (await sql<{ id: string }>(`SELECT id FROM organisation WHERE kind = 'CITY_OFFICE' ORDER BY id LIMIT 1`))[0]!.id;
  {
    const newCollaboration = async (office: string | null) =>
      (
        await sql<{ id: string }>(
          `INSERT INTO collaboration (partner_organisation_id, proposed_by_id, title, topic, offer, ask_of_city, starts_on, ends_on, office_id, updated_at)
           SELECT u.organisation_id, u.id, 'Kolaborasi uji matriks', 'EDUCATION', 'Penawaran uji.', 'Permintaan uji.', current_date, current_date, $1, now()
             FROM app_user u WHERE u.email = 'donor@ksbb.test' RETURNING id`,
          [office],
        )
      )[0]!.id;
    const staffOffice = (await sql<{ o: string }>(`SELECT organisation_id AS o FROM app_user WHERE email = 'staf@ksbb.test'`))[0]!.o;
    orgs.collaborationToRoute = await newCollaboration(null);
    orgs.collaborationToStep = await newCollaboration(staffOffice);
  }
  const donorAOrg = (await sql<{ o: string }>(`SELECT organisation_id AS o FROM app_user WHERE email = 'donor@ksbb.test'`))[0]!.o;
  const aggXOrg = (await sql<{ o: string }>(`SELECT organisation_id AS o FROM app_user WHERE email = 'agregator@ksbb.test'`))[0]!.o;
  const submitted = await sql<{ id: string; version: number }>(
    `SELECT id, version FROM pledge WHERE status = 'SUBMITTED' AND donor_organisation_id = $1 ORDER BY id LIMIT 1`,
    [donorAOrg],
  );
  const submitted2 = await sql<{ id: string; version: number }>(
    `SELECT id, version FROM pledge WHERE status = 'SUBMITTED' AND donor_organisation_id <> $1 ORDER BY id LIMIT 1`,
    [donorAOrg],
  );
  const scheduled = await sql<{ id: string; version: number }>(
    `SELECT id, version FROM pledge WHERE status = 'SCHEDULED' AND aggregator_organisation_id = $1 ORDER BY id LIMIT 1`,
    [aggXOrg],
  );
  const open = await sql<{ id: string; deadline: Date }>(
    `SELECT id, deadline FROM need WHERE status = 'OPEN' AND target_quantity - pledged_quantity >= 10 AND deadline > now() + interval '2 days' ORDER BY id LIMIT 1`,
  );
  Object.assign(orgs, {
    submittedPledge: submitted[0]!.id,
    submittedVersion: String(submitted[0]!.version),
    submittedPledge2: submitted2[0]!.id,
    submittedVersion2: String(submitted2[0]!.version),
    scheduledPledge: scheduled[0]!.id,
    scheduledVersion: String(scheduled[0]!.version),
    openNeed: open[0]!.id,
    today: jakartaToday(),
    plannedOn: jakartaToday(),
  });
  orgs.editNeed = (
    await sql<{ id: string }>(
      `SELECT id FROM need WHERE status = 'OPEN' AND program_id = 'prg_00001' AND pledged_quantity = 0 ORDER BY id LIMIT 1`,
    )
  )[0]!.id;
  orgs.programSeen = (
    await sql<{ updated_at: Date }>(`SELECT updated_at FROM program WHERE id = 'prg_00002'`)
  )[0]!.updated_at.toISOString();
  await sql(`UPDATE program SET ends_on = current_date + 400 WHERE id = 'prg_00001'`);
  orgs.spareUser = (
    await sql<{ id: string }>(
      `SELECT u.id FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE o.kind = 'COMMUNITY_GROUP' ORDER BY u.id LIMIT 1`,
    )
  )[0]!.id;
});

describe("authorization matrix", () => {
  it("lists every server action and every route handler", () => {
    expect(actions.length).toBeGreaterThan(10);
    expect(actions.map((a) => a.key).sort()).toEqual(Object.keys(EXPECTED).sort());
    const routes = walk("app").filter((file) => /route\.(ts|tsx|js)$/.test(file));
    expect(routes.map((file) => file.split(path.sep).join("/")).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it("answers an anonymous visitor on every open-data route, and refuses writes", async () => {
    actAs(null);
    for (const [file, access] of Object.entries(ROUTES).filter(([, access]) => access === "open data")) {
      const route = await routeModules[`/${file}`]!();
      const get = route.GET as (request: Request) => Promise<Response>;
      const post = route.POST as (request: Request) => Promise<Response>;
      const path =
        file
          .replace(/^app/, "")
          .replace(/\/\([^)]+\)/g, "")
          .replace(/\/route\.ts$/, "")
          .replace("[...path]", "unknown") || "/";
      const response = await get(new Request(`http://localhost${path}`));
      expect(response.status, `${access} ${path}`).toBe(path.endsWith("/unknown") ? 404 : 200);
      expect(response.headers.get("access-control-allow-origin"), path).toBe("*");
      const write = await post(new Request(`http://localhost${path}`, { method: "POST" }));
      expect(write.status, `POST ${path}`).toBe(path.endsWith("/unknown") ? 404 : 405);
    }
  });

  for (const [index, identity] of IDENTITIES.entries()) {
    it(`gives ${identity} exactly the access in the table`, async () => {
      const actual: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      const endsSessions = (key: string) => Number(key.endsWith("#signOutEverywhereAction"));
      for (const { key, fn } of [...actions].sort((a, b) => endsSessions(a.key) - endsSessions(b.key))) {
        actAs(ids[identity], `198.18.0.${index + 1}`);
        actual[key] = await outcome(fn, inputFor(key));
        expected[key] = EXPECTED[key]![index]!;
      }
      expect(actual).toEqual(expected);
    });
  }
});

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}
