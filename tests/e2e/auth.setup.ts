import fs from "node:fs";
import path from "node:path";
import { test as setup } from "@playwright/test";
import { authFile, DEMO, ROLES, signIn } from "./support/accounts.ts";

// Signs each demo role in through the UI once per run (staff and admin with the demo second
// factor) and stores the session in .auth/<role>.json (gitignored). Specs that only need "a
// signed-in X" start from it instead of signing in themselves: a sign-in hashes a password
// (scrypt, 32 MiB) and a staff or admin one waits for an unused authenticator code.
// The database is new every run, so these files are too.

for (const [index, role] of ROLES.entries()) {
  setup(`sign in as the demo ${role}`, async ({ browser }) => {
    // Its own address, as every other visitor of the suite has (TRUSTED_PROXY_HOPS=1).
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `198.51.104.${index + 1}` } });
    const page = await context.newPage();
    // keep: false, so no test of this worker reuses (and, signing out, ends) the stored session.
    await signIn(page, DEMO[role], undefined, { keep: false });
    fs.mkdirSync(path.dirname(authFile(role)), { recursive: true });
    await context.storageState({ path: authFile(role) });
    await context.close();
  });
}
