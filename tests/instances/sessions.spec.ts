import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import pg from "pg";
import { actionId, postAction } from "../security/e2e/support/build.ts";
import { DEMO, DEMO_PASSWORD, signIn, signOut } from "../e2e/support/accounts.ts";
import { INSTANCE_PORTS, instancesDatabaseUrl } from "./config.ts";

// Issue 12: a cookie kept from before sign-out (or from another device, before a password
// change) must be worth nothing on every instance at once, for pages and for actions.

const instances = INSTANCE_PORTS.map((port) => `http://localhost:${port}`);
const db = new pg.Pool({ connectionString: instancesDatabaseUrl(process.env.TEST_DATABASE_URL!), max: 2 });
test.afterAll(() => db.end());

test.describe.configure({ mode: "serial" });

async function pledgesBy(email: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pledge p JOIN app_user u ON u.id = p.created_by_id WHERE u.email = $1`,
    [email],
  );
  return rows[0]!.n;
}

async function needWithRoom(): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT n.id FROM need n JOIN program p ON p.id = n.program_id
      WHERE n.status = 'OPEN' AND p.status = 'OPEN' AND n.target_quantity - n.pledged_quantity >= 5 AND n.deadline >= current_date + 7
      ORDER BY n.id LIMIT 1`,
  );
  return rows[0]!.id;
}

/** Posts the pledge form's action as the browser would, with whatever cookie the context has. */
async function pledge(context: BrowserContext, base: string, needId: string) {
  const plannedDeliveryOn = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const response = await postAction(context.request, {
    path: `${base}/kebutuhan/${needId}`,
    id: actionId("lib/pledges/actions.ts", "createPledgeAction"),
    fields: { needId, quantity: "1", deliveryMode: "DIRECT", plannedDeliveryOn, idempotencyKey: randomUUID() },
    withState: true,
    baseURL: base,
  });
  // The action itself answered (not the proxy's Origin check or a 404): its state is in the text.
  expect(response.status()).toBe(200);
  return response.text();
}

async function expectSignedOutEverywhere(
  browser: Browser,
  kept: Awaited<ReturnType<BrowserContext["storageState"]>>,
  email: string,
  needId: string,
) {
  const context = await browser.newContext({ storageState: kept });
  const page = await context.newPage();
  const before = await pledgesBy(email);
  for (const base of instances) {
    for (const path of ["/akun", "/janji"]) {
      await page.goto(`${base}${path}`);
      await expect(page.getByRole("heading", { level: 1, name: "Masuk" })).toBeVisible();
    }
    expect(await pledge(context, base, needId)).toContain("Silakan masuk terlebih dahulu.");
  }
  expect(await pledgesBy(email)).toBe(before);
  await context.close();
}

test.beforeAll(async ({ request }) => {
  for (const base of instances) await expect.poll(async () => (await request.get(`${base}/masuk`)).status(), { timeout: 60_000 }).toBe(200);
});

test("a cookie kept from before sign-out opens nothing on either instance", async ({ browser }) => {
  const needId = await needWithRoom();
  const context = await browser.newContext({ baseURL: instances[0] });
  const page = await context.newPage();
  await signIn(page, DEMO.donor);
  const kept = await context.storageState();

  // The control: the same request with a live session does create a pledge, on the other instance too.
  const before = await pledgesBy(DEMO.donor);
  const control = await pledge(context, instances[1]!, needId);
  expect(control, control.slice(-600)).not.toContain("Silakan masuk terlebih dahulu.");
  expect(await pledgesBy(DEMO.donor)).toBe(before + 1);

  await signOut(page);
  await expectSignedOutEverywhere(browser, kept, DEMO.donor, needId);
  await context.close();
});

test("a password change ends the user's other sessions on both instances, and keeps this one", async ({ browser }) => {
  const needId = await needWithRoom();
  const other = await browser.newContext({ baseURL: instances[1] });
  await signIn(await other.newPage(), DEMO.donor);
  const kept = await other.storageState();

  const context = await browser.newContext({ baseURL: instances[0] });
  const page = await context.newPage();
  await signIn(page, DEMO.donor);
  const change = async (from: string, to: string) => {
    await page.goto("/akun");
    await page.getByLabel("Kata sandi saat ini").fill(from);
    await page.getByLabel("Kata sandi baru").fill(to);
    await page.getByLabel("Ulangi kata sandi").fill(to);
    await page.getByRole("button", { name: "Ganti kata sandi" }).click();
    await expect(page.getByText(/Kata sandi diubah/)).toBeVisible();
  };
  await change(DEMO_PASSWORD, "gado gado siram kacang");

  await expectSignedOutEverywhere(browser, kept, DEMO.donor, needId);
  // The session that changed the password goes on, on both instances.
  for (const base of instances) {
    await page.goto(`${base}/akun`);
    await expect(page.getByRole("heading", { level: 1, name: "Akun saya" })).toBeVisible();
  }
  await change("gado gado siram kacang", DEMO_PASSWORD);
  await Promise.all([other.close(), context.close()]);
});
