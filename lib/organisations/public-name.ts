import type { VerificationStatus } from "@/lib/generated/prisma/enums.ts";

// An organisation's name may appear on a public page (or export) only when the city has
// verified it AND it agreed to be shown. Every public read selects these fields and passes
// the organisation through here, so a name never leaves the query layer otherwise.

export const PUBLIC_NAME_FIELDS = { name: true, verificationStatus: true, showPublicly: true } as const;

export interface NamedOrganisation {
  name: string;
  verificationStatus: VerificationStatus;
  showPublicly: boolean;
}

/** The name to show publicly, or null: the page then shows a neutral label ("Donatur", "Penyalur"). */
export function publicOrganisationName(organisation: NamedOrganisation | null | undefined): string | null {
  if (!organisation) return null;
  return organisation.verificationStatus === "VERIFIED" && organisation.showPublicly ? organisation.name : null;
}
