// npm run admin:create -- --email a@b --name "Nama" --office "Dinas Sosial Provinsi DKI Jakarta"
// The first admin of a new deployment; prints a one-time password. See lib/users/first-admin.ts.
import { parseArgs } from "node:util";
import { dbHandle } from "@/lib/db/index.ts";
import { createFirstAdmin, firstAdminSchema } from "@/lib/users/first-admin.ts";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, office: { type: "string" } } });
const input = firstAdminSchema.safeParse(values);
try {
  if (!input.success)
    throw new Error(
      `usage: npm run admin:create -- --email ADDRESS --name "FULL NAME" --office "CITY OFFICE" (${input.error.issues.map((i) => i.path.join(".")).join(", ")} missing or invalid)`,
    );
  const { password } = await createFirstAdmin(input.data);
  console.log(`[ksbb] admin ${input.data.email} created. One-time password (shown only now): ${password}`);
  console.log("[ksbb] Sign in at /masuk, enrol an authenticator app, then change the password on /akun.");
} catch (error) {
  console.error(`[ksbb] ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await dbHandle().close();
}
