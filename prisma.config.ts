// Prisma CLI configuration. The CLI runs on the WebAssembly schema engine through a
// driver adapter, so no native engine binary is ever downloaded (see
// docs/decisions/0001-prisma-6-wasm-engines.md). The app's own start-up applies
// migrations (prisma/prepare.ts); the CLI is for `generate` and `migrate diff`
// (npm run db:migration), both on in-memory PGlite databases.
import path from "node:path";
import { defineConfig } from "prisma/config";

// The schema's datasource reads DATABASE_URL; without a value the CLI falls back to
// the native engine. It is only a placeholder for the CLI when the embedded database is used.
if (!process.env.DATABASE_URL?.trim()) process.env.DATABASE_URL = "postgresql://embedded@localhost/ksbb";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // The schema engine replays each migration file as one raw statement without
    // parameters; pglite-prisma-adapter 0.6.1 sends it as a prepared statement, which
    // PostgreSQL refuses for several commands. Send parameterless raw SQL through
    // PGlite's exec (the simple protocol) instead. CLI only: the app never does this.
    type Raw = { sql: string; args: unknown[] };
    type Patched = { executeRaw(query: Raw): Promise<number>; client: { exec(sql: string): Promise<unknown> } };
    const awaitScripts = <T>(adapter: T): T => {
      const target = adapter as unknown as Patched;
      const executeRaw = target.executeRaw.bind(target);
      target.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await target.client.exec(query.sql);
        return 0;
      };
      return adapter;
    };
    class Factory extends PrismaPGlite {
      override async connect() {
        return awaitScripts(await super.connect());
      }
      override async connectToShadowDb() {
        return awaitScripts(await super.connectToShadowDb());
      }
    }
    return new Factory(new PGlite());
  },
});
