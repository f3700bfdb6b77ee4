import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/state.ts";
import type { Caller } from "@/lib/auth/guards.ts";
import { LocalDiskStore, setFileStore } from "@/lib/storage/index.ts";
import { sql } from "@/tests/helpers/db.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";

// An organisation's public profile (/akun → /kolaborator/[id]): its own members edit it,
// the logo is re-encoded like delivery photos, and it is served only while the organisation
// is a public collaborator.

const { updatePublicProfileAction, removeLogoAction } = await import("@/lib/organisations/actions.ts");
const { collaborator } = await import("@/lib/organisations/directory.ts");
const { updatePublicProfile } = await import("@/lib/organisations/profile.ts");
const publicLogoRoute = await import("@/app/(public)/kolaborator/[id]/logo/route.ts");
const ownLogoRoute = await import("@/app/(account)/akun/logo/route.ts");

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "ksbb-logos-"));
const ids: Record<string, string> = {};

const orgOf = async (userId: string) =>
  (await sql<{ o: string }>(`SELECT organisation_id AS o FROM app_user WHERE id = $1`, [userId]))[0]!.o;
const profileOf = async (organisationId: string) =>
  (
    await sql<{ public_description: string | null; website: string | null; logo_key: string | null }>(
      `SELECT public_description, website, logo_key FROM organisation WHERE id = $1`,
      [organisationId],
    )
  )[0]!;

async function save(userId: string | null, fields: Record<string, string>, logo?: File): Promise<ActionState> {
  actAs(userId);
  const data = form(fields);
  if (logo) data.append("logo", logo);
  return updatePublicProfileAction(null, data);
}

const publicLogo = (organisationId: string) =>
  publicLogoRoute.GET(new Request(`http://localhost/kolaborator/${organisationId}/logo`), {
    params: Promise.resolve({ id: organisationId }),
  });

/** A PNG with EXIF (camera and GPS), larger than a logo is kept. */
const pngWithExif = async () =>
  new File(
    [
      new Uint8Array(
        await sharp({ create: { width: 600, height: 300, channels: 4, background: "#1d4ed8" } })
          .png()
          .withExif({ IFD0: { Make: "KameraUji" }, IFD3: { GPSLatitudeRef: "S", GPSLatitude: "6/1 10/1 0/1" } })
          .toBuffer(),
      ),
    ],
    "logo.png",
    { type: "image/png" },
  );

beforeAll(async () => {
  setFileStore(new LocalDiskStore(uploads));
  ids.donor = await userIdByEmail("donor@ksbb.test");
  ids.donorOrg = await orgOf(ids.donor);
  const [other] = await sql<{ id: string; o: string }>(
    `SELECT u.id, u.organisation_id AS o FROM app_user u JOIN organisation o ON o.id = u.organisation_id
      WHERE u.role = 'DONOR' AND o.verification_status = 'VERIFIED' AND o.show_publicly AND o.kind <> 'CITY_OFFICE' AND u.organisation_id <> $1
      ORDER BY u.id LIMIT 1`,
    [ids.donorOrg],
  );
  ids.otherDonor = other!.id;
  ids.otherOrg = other!.o;
  // Verified, but chose not to be shown: not in the directory.
  const [hidden] = await sql<{ id: string; o: string }>(
    `SELECT u.id, u.organisation_id AS o FROM app_user u JOIN organisation o ON o.id = u.organisation_id
      WHERE u.role = 'DONOR' AND o.verification_status = 'VERIFIED' AND NOT o.show_publicly AND o.kind <> 'CITY_OFFICE'
      ORDER BY u.id LIMIT 1`,
  );
  ids.hiddenDonor = hidden!.id;
  ids.hiddenOrg = hidden!.o;
  ids.staff = await userIdByEmail("staf@ksbb.test");
  ids.admin = await userIdByEmail("admin@ksbb.test");
  ids.staffOrg = await orgOf(ids.staff);
});

describe("organisation public profile", () => {
  it("lets a member save the description and website, with an audit event, shown on the collaborator page", async () => {
    const result = await save(ids.donor!, { publicDescription: "  Kami menyalurkan sembako setiap bulan.  ", website: "cahaya.example" });
    expect(result).toMatchObject({ ok: true, message: "Profil publik tersimpan." });
    expect(await profileOf(ids.donorOrg!)).toMatchObject({
      public_description: "Kami menyalurkan sembako setiap bulan.",
      website: "https://cahaya.example",
    });
    expect(await collaborator(ids.donorOrg!)).toMatchObject({
      description: "Kami menyalurkan sembako setiap bulan.",
      website: "https://cahaya.example",
    });
    const [event] = await sql<{ actor_user_id: string; metadata: { changed: string[] } }>(
      `SELECT actor_user_id, metadata FROM audit_event WHERE entity_type = 'organisation' AND entity_id = $1 AND action = 'organisation.profile_updated'
        ORDER BY created_at DESC, id DESC LIMIT 1`,
      [ids.donorOrg],
    );
    expect(event).toMatchObject({ actor_user_id: ids.donor, metadata: { changed: ["description", "website"] } });

    // Emptied fields are stored as nothing.
    expect(await save(ids.donor!, { publicDescription: " ", website: "" })).toMatchObject({ ok: true });
    expect(await profileOf(ids.donorOrg!)).toMatchObject({ public_description: null, website: null });
  });

  it("refuses a website that is not an http(s) address, markup and an over-long description, and stores nothing", async () => {
    expect(await save(ids.donor!, { publicDescription: "Tetap.", website: "https://tetap.example" })).toMatchObject({ ok: true });
    for (const website of ["javascript:alert(1)", "ftp://berkas.example", "https://bukan alamat", "http://localhost"]) {
      const refused = await save(ids.donor!, { publicDescription: "Berubah.", website });
      expect(refused, website).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { website: expect.stringMatching(/https:\/\//) } });
      expect(refused && !refused.ok && refused.values?.website).toBe(website);
    }
    const markup = await save(ids.donor!, { publicDescription: "<img src=x onerror=alert(1)>" });
    expect(markup).toMatchObject({ ok: false, fieldErrors: { publicDescription: expect.stringMatching(/</) } });
    const long = await save(ids.donor!, { publicDescription: "x".repeat(301) });
    expect(long).toMatchObject({ ok: false, fieldErrors: { publicDescription: expect.stringMatching(/300/) } });
    expect(await profileOf(ids.donorOrg!)).toMatchObject({ public_description: "Tetap.", website: "https://tetap.example" });
  });

  it("holds the same rules in the database", async () => {
    await expect(sql(`UPDATE organisation SET website = 'javascript:alert(1)' WHERE id = $1`, [ids.donorOrg])).rejects.toThrow(
      /organisation_website_http/,
    );
    await expect(sql(`UPDATE organisation SET public_description = '' WHERE id = $1`, [ids.donorOrg])).rejects.toThrow(
      /organisation_public_description_length/,
    );
    await expect(
      sql(`UPDATE organisation SET logo_key = '../../etc/passwd', logo_updated_at = now() WHERE id = $1`, [ids.donorOrg]),
    ).rejects.toThrow(/organisation_logo_key/);
  });

  it("refuses a logo that is not a JPEG or PNG, or is over 2 MB, and keeps nothing", async () => {
    const fake = new File(["<html><script>alert(1)</script></html>"], "logo.png", { type: "image/png" });
    const refused = await save(ids.donor!, { publicDescription: "Dengan logo palsu." }, fake);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { logo: "Logo harus berupa gambar JPEG atau PNG yang sah." } });
    const huge = new File([new Uint8Array(2 * 1024 * 1024 + 1)], "besar.png", { type: "image/png" });
    expect(await save(ids.donor!, {}, huge)).toMatchObject({ ok: false, fieldErrors: { logo: expect.stringMatching(/2 MB/) } });
    expect(await profileOf(ids.donorOrg!)).toMatchObject({ public_description: "Tetap.", logo_key: null });
  });

  it("re-encodes a valid PNG without its metadata, small, and serves it publicly with safe headers", async () => {
    const upload = await pngWithExif();
    const uploaded = Buffer.from(await upload.arrayBuffer());
    expect((await sharp(uploaded).metadata()).exif).toBeDefined();
    expect(await save(ids.donor!, { publicDescription: "Dengan logo." }, upload)).toMatchObject({ ok: true });

    const { logo_key: key } = await profileOf(ids.donorOrg!);
    expect(key).toMatch(new RegExp(`^logos/${ids.donorOrg}/[0-9a-f-]{36}\\.png$`));
    const stored = fs.readFileSync(path.join(uploads, key!));
    expect(stored.equals(uploaded)).toBe(false);
    const metadata = await sharp(stored).metadata();
    expect(metadata).toMatchObject({ format: "png", width: 256, height: 128 });
    expect(metadata.exif).toBeUndefined();

    const response = await publicLogo(ids.donorOrg!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    expect(Buffer.from(await response.arrayBuffer()).equals(stored)).toBe(true);
    expect((await collaborator(ids.donorOrg!))?.logoUpdatedAt).toBeInstanceOf(Date);

    // Saving the text again keeps the logo; removing it takes it off the public page.
    expect(await save(ids.donor!, { publicDescription: "Tanpa logo baru." })).toMatchObject({ ok: true });
    expect((await profileOf(ids.donorOrg!)).logo_key).toBe(key);
    actAs(ids.donor!);
    expect(await removeLogoAction(null, form({}))).toMatchObject({ ok: true, message: "Logo dihapus." });
    expect((await profileOf(ids.donorOrg!)).logo_key).toBeNull();
    expect((await publicLogo(ids.donorOrg!)).status).toBe(404);
    const events = await sql(`SELECT 1 FROM audit_event WHERE entity_id = $1 AND action = 'organisation.logo_removed'`, [ids.donorOrg]);
    expect(events).toHaveLength(1);
  });

  it("changes only the caller's own organisation, whatever the form names", async () => {
    const before = await profileOf(ids.donorOrg!);
    const result = await save(ids.otherDonor!, {
      organisationId: ids.donorOrg!,
      publicDescription: "Profil organisasi lain.",
      website: "https://lain.example",
    });
    expect(result).toMatchObject({ ok: true });
    expect(await profileOf(ids.donorOrg!)).toEqual(before);
    expect(await profileOf(ids.otherOrg!)).toMatchObject({
      public_description: "Profil organisasi lain.",
      website: "https://lain.example",
    });
  });

  it("refuses guests, city staff and admins, and any member of a city office", async () => {
    const before = await profileOf(ids.staffOrg!);
    expect(await save(null, { publicDescription: "Tamu." })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    for (const user of [ids.staff!, ids.admin!]) {
      expect(await save(user, { publicDescription: "Dinas." })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      actAs(user);
      expect(await removeLogoAction(null, form({}))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    // Even a donor account in a city office (the seed has none) has no profile to edit.
    const [office] = await sql<{ id: string; name: string }>(`SELECT id, name FROM organisation WHERE kind = 'CITY_OFFICE' LIMIT 1`);
    const officeDonor = {
      id: ids.donor!,
      role: "DONOR",
      organisationId: office!.id,
      organisation: { id: office!.id, name: office!.name, kind: "CITY_OFFICE", verificationStatus: "VERIFIED" },
    } as Caller;
    await expect(updatePublicProfile(officeDonor, { publicDescription: "Dinas.", website: null, logo: undefined })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await profileOf(ids.staffOrg!)).toEqual(before);
    expect(await profileOf(office!.id)).toMatchObject({ public_description: null });
  });

  it("serves a logo only while the organisation is a public collaborator; its members still see it on /akun", async () => {
    expect(await save(ids.hiddenDonor!, { publicDescription: "Belum publik." }, await pngWithExif())).toMatchObject({ ok: true });
    expect((await profileOf(ids.hiddenOrg!)).logo_key).not.toBeNull();
    expect((await publicLogo(ids.hiddenOrg!)).status).toBe(404);
    expect(await collaborator(ids.hiddenOrg!)).toBeNull();
    actAs(ids.hiddenDonor!);
    const own = await ownLogoRoute.GET();
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toMatch(/^private/);
    actAs(null);
    expect((await ownLogoRoute.GET()).status).toBe(401);

    // Shown once public; hidden again as soon as the city suspends it.
    await sql(`UPDATE organisation SET show_publicly = true WHERE id = $1`, [ids.hiddenOrg]);
    expect((await publicLogo(ids.hiddenOrg!)).status).toBe(200);
    await sql(`UPDATE organisation SET verification_status = 'SUSPENDED', suspension_reason = 'Uji penangguhan.' WHERE id = $1`, [
      ids.hiddenOrg,
    ]);
    expect((await publicLogo(ids.hiddenOrg!)).status).toBe(404);
    // A city office is never a collaborator, and an address that is no id answers 404 too.
    await sql(`UPDATE organisation SET logo_key = $2, logo_updated_at = now() WHERE id = $1`, [
      ids.staffOrg,
      (await profileOf(ids.hiddenOrg!)).logo_key,
    ]);
    expect((await publicLogo(ids.staffOrg!)).status).toBe(404);
    expect((await publicLogo("../../etc")).status).toBe(404);
  });
});
