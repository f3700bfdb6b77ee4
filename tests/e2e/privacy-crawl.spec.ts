import { expect, test, type APIRequestContext } from "@playwright/test";
import { COLLABORATIONS, REASON } from "@/prisma/seed/collaborations.ts";
import { generateDemo } from "@/prisma/seed/generate.ts";
import { readRegions } from "@/prisma/seed/regions.ts";

// Privacy crawl: signed out, start from the public entry points, follow every same-origin
// link in HTML (<a href>) and every URL in JSON, and fail on any 5xx, any broken link, and
// any seeded personal value in any body.
//
// Where the personal values come from: the e2e server holds its embedded database
// (.data/e2e) open, and PGlite allows one process per data folder, so the test cannot
// read it. Instead it regenerates the seed's rows with the seed's own pure generator
// (prisma/seed/generate.ts, the same code and random seed the server's database was
// filled with at start-up). prisma/seed/seed.test.ts checks that the generator yields
// exactly the values the database holds, so this list cannot drift from the data.

const START = ["/", "/transparansi", "/kebutuhan", "/data", "/api/v1", "/laporkan", "/kolaborator", "/kolaborasi"];
const SKIP = [/^\/masuk(\/|$)/, /^\/daftar(\/|$)/, /^\/api\/auth(\/|$)/];
const MAX_REQUESTS = 400;
/** Query-string variants fetched per page (drill-down pages count per region). */
const VARIANTS_PER_PAGE = 3;
const PARALLEL = 4;
const MIN_KELURAHAN_PAGES = 30;
const MIN_NEED_PAGES = 30;

interface Secret {
  what: string;
  value: string;
}

function seededSecrets(): Secret[] {
  const kelurahan = readRegions()
    .filter((region) => region.level === "KELURAHAN")
    .sort((a, b) => a.code.localeCompare(b.code));
  const data = generateDemo(kelurahan);
  const secrets: Secret[] = [];
  const add = (what: string, value: string | null | undefined) => {
    if (value) secrets.push({ what, value });
  };
  for (const user of data.users) {
    add("user name", user.name);
    add("user e-mail", user.email);
  }
  for (const org of data.organisations) {
    add("organisation contact e-mail", org.contactEmail);
    add("organisation contact phone", org.contactPhone);
    if (!(org.verificationStatus === "VERIFIED" && org.showPublicly)) add("name of a non-public organisation", org.name);
  }
  for (const pledge of data.pledges) {
    add("pledge note", pledge.note);
    add("pledge reference", pledge.reference);
  }
  for (const report of data.reports) {
    add("reporter contact", report.contact);
    add("report description", report.description);
  }
  // What a partner asked of the city, and the office's reasons, stay between them (issue 16).
  for (const collaboration of COLLABORATIONS) add("collaboration's ask of the city", collaboration.askOfCity);
  for (const reason of Object.values(REASON)) add("collaboration step reason", reason);
  for (const delivery of data.deliveries) {
    add("delivery recipient group", delivery.recipientGroup);
    add("delivery notes", delivery.notes);
  }
  return [...new Map(secrets.map((secret) => [secret.value, secret])).values()];
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&lt;": "<", "&gt;": ">" };
/** The body as a reader would see it: React's text separators removed, entities decoded. */
const readable = (body: string) => body.replaceAll("<!-- -->", "").replace(/&(amp|quot|#x27|#39|lt|gt);/g, (entity) => ENTITIES[entity]!);

/** Pledge references of any pledge, seeded or not (KSBB-XXXX-XXXX). */
const REFERENCE = /KSBB-[2-9A-Z]{4}-[2-9A-Z]{4}/;

function linksInHtml(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*?href="([^"]*)"/gi)].map((match) => readable(match[1]!));
}

function urlsInJson(value: unknown, base: string, found: string[] = []): string[] {
  if (typeof value === "string") {
    if (value.startsWith("/") || value.startsWith(base)) found.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) urlsInJson(item, base, found);
  } else if (value && typeof value === "object") {
    for (const item of Object.values(value)) urlsInJson(item, base, found);
  }
  return found;
}

type Kind = "drill" | "kelurahan" | "need" | "catalogue-page" | "data" | "other";

function kindOf(url: URL): Kind {
  const path = url.pathname;
  if (path === "/transparansi") return "drill";
  if (path.startsWith("/transparansi/kelurahan/")) return "kelurahan";
  if (/^\/kebutuhan\/[^/]+$/.test(path)) return "need";
  if (path === "/kebutuhan" && url.searchParams.get("page") === "2") return "catalogue-page";
  if (path.startsWith("/api/") || path.startsWith("/data") || /\.(csv|json|geojson)$/.test(path)) return "data";
  return "other";
}

/** Pages are told apart by path, except the drill-down (the region) and the catalogue's page number. */
function pageKey(url: URL): string {
  if (url.pathname === "/transparansi") return `${url.pathname}|${url.searchParams.get("kecamatan") ?? url.searchParams.get("kota") ?? ""}`;
  if (url.pathname === "/kebutuhan" && url.searchParams.has("page")) return `${url.pathname}|page=${url.searchParams.get("page")}`;
  return url.pathname;
}

test("no personal data on any public page, and no server error", async ({ request, baseURL }) => {
  test.setTimeout(10 * 60_000);
  const base = baseURL!;
  const secrets = seededSecrets();
  expect(secrets.length).toBeGreaterThan(300);
  for (const what of [
    "user e-mail",
    "organisation contact phone",
    "pledge note",
    "delivery recipient group",
    "delivery notes",
    "reporter contact",
    "name of a non-public organisation",
    "collaboration's ask of the city",
  ]) {
    expect(
      secrets.some((secret) => secret.what === what),
      what,
    ).toBe(true);
  }

  const queued = new Set<string>();
  const variants = new Map<string, number>();
  const frontier: URL[] = [];
  const visited: { url: URL; status: number }[] = [];
  const problems: string[] = [];

  const enqueue = (raw: string, from: string) => {
    let url: URL;
    try {
      url = new URL(raw, from);
    } catch {
      return;
    }
    if (url.origin !== new URL(base).origin || !/^https?:$/.test(url.protocol)) return;
    url.hash = "";
    if (SKIP.some((pattern) => pattern.test(url.pathname))) return;
    const href = url.pathname + url.search;
    if (queued.has(href)) return;
    const key = pageKey(url);
    if ((variants.get(key) ?? 0) >= VARIANTS_PER_PAGE) return;
    variants.set(key, (variants.get(key) ?? 0) + 1);
    queued.add(href);
    frontier.push(url);
  };

  const seen = (kind: Kind) => new Set(visited.filter((v) => kindOf(v.url) === kind).map((v) => v.url.pathname)).size;
  // What must be covered goes first (every drill-down region, data and API, catalogue page 2),
  // then enough kelurahan and need pages, then every other page, then other variants of
  // pages (filters, later pages of lists), and only then more kelurahan and need pages.
  const priority = (url: URL): number => {
    const kind = kindOf(url);
    const firstOfItsPage = !visited.some((v) => pageKey(v.url) === pageKey(url));
    if (kind === "drill" || kind === "data" || kind === "catalogue-page") return firstOfItsPage ? 0 : 3;
    if (kind === "kelurahan" || kind === "need") {
      const enough = seen(kind) >= (kind === "kelurahan" ? MIN_KELURAHAN_PAGES : MIN_NEED_PAGES) + 5;
      return firstOfItsPage ? (enough ? 4 : 1) : 3;
    }
    return firstOfItsPage ? 2 : 3;
  };
  const next = (): URL | undefined => {
    let best = -1;
    let bestPriority = Infinity;
    frontier.forEach((url, index) => {
      const p = priority(url);
      if (p < bestPriority) [best, bestPriority] = [index, p];
    });
    return best >= 0 ? frontier.splice(best, 1)[0] : undefined;
  };

  const fetchOne = async (api: APIRequestContext, url: URL) => {
    const href = url.pathname + url.search;
    const response = await api.get(href, { failOnStatusCode: false, timeout: 60_000 });
    const status = response.status();
    visited.push({ url, status });
    if (status >= 500) problems.push(`${status} on ${href}`);
    else if (status === 404) problems.push(`404 (broken link) on ${href}`);
    const type = response.headers()["content-type"] ?? "";
    if (/^(image|font|audio|video)\//.test(type)) return;
    const body = await response.text();
    const text = readable(body);
    for (const secret of secrets) {
      if (body.includes(secret.value) || text.includes(secret.value)) problems.push(`${secret.what} "${secret.value}" on ${href}`);
    }
    const reference = text.match(REFERENCE);
    if (reference) problems.push(`pledge reference ${reference[0]} on ${href}`);
    if (status !== 200) return;
    if (type.includes("html")) for (const link of linksInHtml(body)) enqueue(link, base + href);
    else if (type.includes("json")) {
      try {
        for (const link of urlsInJson(JSON.parse(body), base)) enqueue(link, base + href);
      } catch {
        problems.push(`invalid JSON on ${href}`);
      }
    }
  };

  for (const start of START) enqueue(start, base);
  while (frontier.length > 0 && visited.length < MAX_REQUESTS) {
    const batch: URL[] = [];
    while (batch.length < Math.min(PARALLEL, MAX_REQUESTS - visited.length) && frontier.length > 0) batch.push(next()!);
    await Promise.all(batch.map((url) => fetchOne(request, url)));
  }

  const summary = {
    requests: visited.length,
    kelurahanPages: seen("kelurahan"),
    needPages: seen("need"),
    dataAndApi: visited.filter((v) => kindOf(v.url) === "data").length,
    left: frontier.length,
  };
  test.info().annotations.push({ type: "crawl", description: JSON.stringify(summary) });
  console.log(`privacy crawl: ${JSON.stringify(summary)}`);
  expect(problems, problems.slice(0, 30).join("\n")).toEqual([]);

  // The crawl reached what it must cover.
  const regions = readRegions();
  const drilled = new Set(
    visited
      .filter((v) => v.url.pathname === "/transparansi")
      .map((v) => v.url.searchParams.get("kecamatan") ?? v.url.searchParams.get("kota")),
  );
  const missing = regions.filter((r) => (r.level === "KOTA" || r.level === "KECAMATAN") && !drilled.has(r.code)).map((r) => r.code);
  expect(missing, "drill-down pages not reached").toEqual([]);
  expect(summary.kelurahanPages).toBeGreaterThanOrEqual(MIN_KELURAHAN_PAGES);
  expect(summary.needPages).toBeGreaterThanOrEqual(MIN_NEED_PAGES);
  expect(visited.some((v) => v.url.pathname === "/kebutuhan" && v.url.searchParams.get("page") === "2")).toBe(true);
  for (const start of START) {
    const status = visited.find((v) => v.url.pathname + v.url.search === start)?.status;
    expect(status, `${start} answered ${status}`).toBe(200);
  }
});
