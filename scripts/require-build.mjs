// npm start: the production build must exist (npm run build writes .next/ and dist/).
import fs from "node:fs";

if (!fs.existsSync(".next/BUILD_ID") || !fs.existsSync("dist/server.mjs")) {
  console.error("[ksbb] start-up stopped: no production build here. Run npm run build first, then npm start.");
  process.exit(1);
}
