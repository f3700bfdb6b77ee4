import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Rendering user text as HTML is never needed here; React escapes everything else.
      "react/no-danger": "error",
    },
  },
  globalIgnores([
    ".next/**",
    // The compiled server (npm run build, scripts/build-server.mjs).
    "dist/**",
    "lib/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "tests/artifacts/**",
    "next-env.d.ts",
  ]),
]);
