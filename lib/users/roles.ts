import type { OrganisationKind, Role } from "@/lib/generated/prisma/enums.ts";

/** Which roles fit which kind of organisation: staff and admins work for city offices only. */
export function roleFits(role: Role, kind: OrganisationKind): boolean {
  if (kind === "CITY_OFFICE") return role === "CITY_STAFF" || role === "ADMIN";
  if (kind === "AGGREGATOR") return role === "AGGREGATOR";
  return role === "DONOR";
}
