import type { PrismaClient } from "@/lib/generated/prisma/client.ts";
import { hashPassword } from "@/lib/auth/password.ts";
import { DEMO_PASSWORD } from "./catalogue.ts";
import { DEMO_TOTP_SECRET } from "@/lib/auth/demo.ts";
import { seedCollaborations } from "./collaborations.ts";
import { generateDemo } from "./generate.ts";

export interface DemoSummary {
  organisations: number;
  users: number;
  programs: number;
  needs: number;
  pledges: number;
}

/** Writes the demo data (prisma/seed/generate.ts) into a database that has the regions. */
export async function seedDemo(prisma: PrismaClient, options: { needs?: number; pledges?: number } = {}): Promise<DemoSummary> {
  const kelurahan = await prisma.region.findMany({
    where: { level: "KELURAHAN" },
    select: { code: true, parentCode: true },
    orderBy: { code: "asc" },
  });
  const data = generateDemo(kelurahan, options);

  const demoHash = await hashPassword(DEMO_PASSWORD);
  await prisma.organisation.createMany({ data: data.organisations });
  await prisma.aggregatorArea.createMany({ data: data.areas });
  await prisma.user.createMany({
    data: data.users.map((user) => ({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      organisationId: user.organisationId,
      passwordHash: user.hasPassword ? demoHash : null,
      // Staff and admins sign in with a second factor; the demo ones share the published key.
      ...(user.hasPassword && (user.role === "CITY_STAFF" || user.role === "ADMIN")
        ? { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: user.createdAt }
        : {}),
      // Demo people "confirmed" their addresses when they registered.
      emailVerifiedAt: user.createdAt,
      createdAt: user.createdAt,
    })),
  });
  await prisma.program.createMany({ data: data.programs });
  // A need's totals and its open/fulfilled status follow its pledges (the database's
  // triggers, lib/pledges/totals.ts): needs start at zero and the pledges move them.
  await prisma.need.createMany({ data: data.needs.map((need) => ({ ...need, pledgedQuantity: 0, deliveredQuantity: 0 })) });
  await prisma.pledge.createMany({ data: data.pledges });
  await prisma.deliveryUpdate.createMany({ data: data.deliveries });
  await prisma.auditEvent.createMany({ data: data.events });
  await prisma.publicReport.createMany({ data: data.reports });
  await seedCollaborations(prisma, data.users.find((user) => user.role === "CITY_STAFF")!.id);
  // Every fifth delivery was confirmed by the community, one in three of those short by one.
  // Their links are used up, so no token exists for them: the hash stands for nothing.
  await prisma.$executeRaw`
    INSERT INTO community_confirmation (id, delivery_update_id, token_hash, expires_at, confirmed_at, quantity_received, created_at)
    SELECT md5('community:' || d.id), d.id, md5(d.id) || md5('seed:' || d.id), d.created_at + interval '30 days',
           d.created_at + interval '1 day', d.quantity - (CASE WHEN d.n % 3 = 0 AND d.quantity > 1 THEN 1 ELSE 0 END), d.created_at
    FROM (SELECT id, quantity, created_at, row_number() OVER (ORDER BY id) AS n FROM delivery_update) d
    WHERE d.n % 5 = 0`;

  return {
    organisations: data.organisations.length,
    users: data.users.length,
    programs: data.programs.length,
    needs: data.needs.length,
    pledges: data.pledges.length,
  };
}
