import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// `npm run test:quick`, first half: the unit tests under lib/ that need no database, so
// no template database is built (most of a full `vitest run`'s fixed cost). A test file
// counts as needing the database when it mentions the database modules or the test
// helpers; the full suite (npm run test:unit) runs every file.
const NEEDS_DATABASE = /lib\/db|helpers\/db|tests\/helpers|__ksbbDb|PGlite|prisma\/seed|\/(queries|service|actions)\.ts/;
// Pure but slow: scrypt at full strength, many times.
const SLOW = new Set(["lib/auth/password.test.ts", "lib/auth/password-limit.test.ts"]);

const quick = (fs.readdirSync("lib", { recursive: true }) as string[])
  .map((file) => path.posix.join("lib", file.split(path.sep).join("/")))
  .filter((file) => file.endsWith(".test.ts") && !SLOW.has(file) && !NEEDS_DATABASE.test(fs.readFileSync(file, "utf8")))
  .sort();

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: quick,
    exclude: ["**/node_modules/**"],
    globalSetup: [],
    setupFiles: ["tests/setup/next-mocks.ts"],
  },
});
