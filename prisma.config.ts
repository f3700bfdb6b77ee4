// Prisma CLI configuration. The CLI runs on the WebAssembly schema engine through a
// driver adapter, so no native engine binary is ever downloaded (see
// docs/decisions/0001-prisma-6-wasm-engines.md). The app's own start-up applies
// migrations (prisma/prepare.ts); the CLI is for generate and migrate diff.
import path from "node:path";
import { defineConfig } from "prisma/config";

// The schema's datasource reads DATABASE_URL; without a value the CLI falls back to
// the native engine. It is only a placeholder for the CLI when the embedded database is used.
process.env.DATABASE_URL ??= "postgresql://embedded@localhost/ksbb";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    return new PrismaPGlite(new PGlite());
  },
});
