import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password.ts";
import { recordAudit } from "@/lib/audit/record.ts";
import { db } from "@/lib/db/index.ts";

// The first admin of a new deployment (npm run admin:create): a real database starts with
// no accounts at all (no demo data on PostgreSQL). Refused once any admin exists, so it
// cannot be used to slip in a second one; later admins are made by an admin on /admin.

export const firstAdminSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(2).max(120),
  office: z.string().trim().min(2).max(160),
});

export async function createFirstAdmin(input: z.infer<typeof firstAdminSchema>): Promise<{ password: string }> {
  if (await db.user.count({ where: { role: "ADMIN" } }))
    throw new Error("an admin account exists already: ask that admin to add accounts on /admin/pengguna");
  // Random and shown once; the admin changes it and enrols an authenticator app at first sign-in.
  const password = randomBytes(15).toString("base64url");
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const office = await tx.organisation.create({
      data: { name: input.office, kind: "CITY_OFFICE", verificationStatus: "VERIFIED", verifiedAt: new Date(), showPublicly: true },
    });
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: "ADMIN", organisationId: office.id, passwordHash },
    });
    await recordAudit(tx, {
      actor: null,
      entityType: "user",
      entityId: user.id,
      action: "user.created",
      toStatus: "ADMIN",
      metadata: { via: "admin:create" },
    });
  });
  return { password };
}
