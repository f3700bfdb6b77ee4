// Where the two-instance suite runs (tests/instances/serve.ts, playwright.instances.config.ts).
export const INSTANCE_PORTS = [Number(process.env.E2E_PORT ?? 3110), Number(process.env.E2E_PORT ?? 3110) + 1] as const;

/** The suite's own database on the server TEST_DATABASE_URL names. */
export function instancesDatabaseUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = "/ksbb_instances";
  return url.toString();
}
