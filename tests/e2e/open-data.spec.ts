import fs from "node:fs";
import { expect, test } from "@playwright/test";

// The open-data page and its downloads, as a visitor without an account uses them.

test("the footer leads to the open data page, whose CSV download works in the browser", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Data terbuka" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Data terbuka" })).toBeVisible();
  await expect(page.getByText("CC BY 4.0")).toBeVisible();
  await expect(page.getByRole("main").getByText(/Copyright \(c\) 2017-2025 Cahya DSN/)).toBeVisible();

  const needs = page.getByRole("list", { name: "Unduhan Kebutuhan" });
  await expect(needs.getByRole("link")).toHaveCount(3);
  await expect(page.getByRole("list", { name: "Unduhan Penyaluran per kelurahan" }).getByRole("link")).toHaveCount(3);

  const csv = needs.getByRole("link", { name: "CSV", exact: true });
  const response = await page.request.get((await csv.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/csv; charset=utf-8/);

  const downloadEvent = page.waitForEvent("download");
  await csv.click();
  const download = await downloadEvent;
  expect(download.suggestedFilename()).toMatch(/^ksbb-kebutuhan-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path())!, "utf8");
  expect(text.split("\r\n")[0]).toMatch(/^id,program,category,item,unit,/);
  expect(text.split("\r\n").length).toBeGreaterThan(100);

  const hxl = await page.request.get((await needs.getByRole("link", { name: "CSV dengan tagar HXL" }).getAttribute("href"))!);
  expect((await hxl.text()).split("\r\n")[1]).toMatch(/^#meta\+id,/);
});

test("the open data page works in English and its JSON and API links answer", async ({ page }) => {
  await page.goto("/data");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Open data" })).toBeVisible();
  const deliveries = page.getByRole("list", { name: "Deliveries per kelurahan downloads" });
  const json = await page.request.get((await deliveries.getByRole("link", { name: "JSON" }).getAttribute("href"))!);
  expect(json.status()).toBe(200);
  expect(json.headers()["content-type"]).toBe("application/json; charset=utf-8");
  expect((await json.json()).data.length).toBeGreaterThan(100);

  await page.getByRole("link", { name: "API index" }).click();
  await expect(page).toHaveURL(/\/api\/v1$/);
  expect(await page.locator("body").innerText()).toContain('"schema_version"');
});

test("the API answers with JSON, CORS, a JSON 400, 404 and 405", { tag: "@smoke" }, async ({ request }) => {
  const list = await request.get("/api/v1/needs?limit=5");
  expect(list.status()).toBe(200);
  expect(list.headers()["access-control-allow-origin"]).toBe("*");
  const body = await list.json();
  expect(body.data).toHaveLength(5);
  expect((await (await request.get(body.links.next)).json()).data[0].id > body.data[4].id).toBe(true);

  const bad = await request.get("/api/v1/needs?limit=0", { headers: { "Accept-Language": "en" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/^Invalid request parameters: limit/);
  const missing = await request.get("/api/v1/nothing/here");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("not_found");
  const post = await request.post("/api/v1/needs", { data: {} });
  expect(post.status()).toBe(405);
});

test("the open data page fits a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/data");
  await page.getByText("Kolom dan tagar HXL").first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Data terbuka" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
});
