import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record.ts";
import { GuardError, type Caller } from "@/lib/auth/guards.ts";
import { db } from "@/lib/db/index.ts";
import { cleanImage } from "@/lib/storage/images.ts";
import { fileStore } from "@/lib/storage/index.ts";
import { LOGO_MAX_SIDE, MAX_LOGO_BYTES } from "./limits.ts";
import type { PublicProfileInput } from "./schema.ts";

// An organisation's public profile (description, website, logo), edited by its own members
// on /akun and shown on /kolaborator only while the organisation is a public collaborator
// (lib/organisations/directory.ts). See docs/decisions/0029-organisation-profile.md.

/** The caller's own organisation; a city office is the city, not a collaborator, and has no profile. */
function ownOrganisation(caller: Caller): string {
  if (caller.organisation.kind === "CITY_OFFICE") throw new GuardError("FORBIDDEN");
  return caller.organisationId;
}

/** A logo is cleaned like a delivery photo (lib/storage/images.ts), and made small. */
function cleanLogo(file: File) {
  return cleanImage(file, {
    field: "logo",
    maxBytes: MAX_LOGO_BYTES,
    tooLarge: "account.publicProfile.errors.logoTooLarge",
    notAnImage: "account.publicProfile.errors.logoType",
    maxSide: LOGO_MAX_SIDE,
  });
}

/**
 * Saves the caller's organisation's profile. A new logo is cleaned and stored (under a new
 * key: stored files are never overwritten) before the transaction that points to it.
 */
export async function updatePublicProfile(caller: Caller, input: PublicProfileInput) {
  const organisationId = ownOrganisation(caller);
  const logo = input.logo ? await cleanLogo(input.logo) : null;
  const logoKey = logo ? `logos/${organisationId}/${randomUUID()}.${logo.extension}` : null;
  if (logo && logoKey) await fileStore().put(logoKey, logo.body, logo.contentType);
  await db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { publicDescription: true, website: true },
    });
    await tx.organisation.update({
      where: { id: organisationId },
      data: {
        publicDescription: input.publicDescription,
        website: input.website,
        ...(logoKey && { logoKey, logoUpdatedAt: new Date() }),
      },
    });
    const changed = [
      before.publicDescription !== input.publicDescription && "description",
      before.website !== input.website && "website",
      logoKey && "logo",
    ].filter(Boolean);
    await recordAudit(tx, {
      actor: caller,
      entityType: "organisation",
      entityId: organisationId,
      action: "organisation.profile_updated",
      metadata: { changed, website: input.website },
    });
  });
}

/** Takes the logo off the profile; the page then shows none. */
export async function removeLogo(caller: Caller) {
  const organisationId = ownOrganisation(caller);
  await db.$transaction(async (tx) => {
    const removed = await tx.organisation.updateMany({
      where: { id: organisationId, logoKey: { not: null } },
      data: { logoKey: null, logoUpdatedAt: null },
    });
    if (removed.count === 1) {
      await recordAudit(tx, { actor: caller, entityType: "organisation", entityId: organisationId, action: "organisation.logo_removed" });
    }
  });
}

/** The caller's own organisation's logo, public or not, for the preview on /akun. */
export async function ownLogo(caller: Caller) {
  const organisation = await db.organisation.findUnique({ where: { id: caller.organisationId }, select: { logoKey: true } });
  return organisation?.logoKey ? storedLogo(organisation.logoKey) : null;
}

/** A stored logo's bytes and type (the key's extension says which: the portal made it). */
export async function storedLogo(key: string) {
  const body = await fileStore().get(key);
  return body ? { body, contentType: key.endsWith(".png") ? "image/png" : "image/jpeg" } : null;
}
