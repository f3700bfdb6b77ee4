import { expect, test, type APIResponse } from "@playwright/test";
import { appRoutes, placeholderPath } from "./support/build.ts";

// Every kind of response the server gives carries the security headers: pages, the 404
// page, redirects, route handlers, build assets and the proxy's own refusals. The server
// is a production build (next start), so HSTS must be there too.

function policy(response: APIResponse): Map<string, string[]> {
  const header = response.headers()["content-security-policy"] ?? "";
  return new Map(
    header
      .split(";")
      .filter((part) => part.trim())
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectSecurityHeaders(name: string, response: APIResponse) {
  const headers = response.headers();
  const csp = policy(response);
  expect(headers["content-security-policy"], `${name}: Content-Security-Policy`).toBeTruthy();
  const scripts = csp.get("script-src") ?? csp.get("default-src") ?? [];
  expect(scripts, `${name}: script-src`).not.toContain("'unsafe-inline'");
  expect(scripts, `${name}: script-src`).not.toContain("'unsafe-eval'");
  expect(csp.get("frame-ancestors"), `${name}: frame-ancestors`).toEqual(["'none'"]);
  expect(headers["referrer-policy"], `${name}: Referrer-Policy`).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"], `${name}: X-Content-Type-Options`).toBe("nosniff");
  expect(headers["x-frame-options"], `${name}: X-Frame-Options`).toBe("DENY");
  expect(headers["strict-transport-security"], `${name}: HSTS`).toBe("max-age=63072000; includeSubDomains");
}

test("pages, errors, redirects, route handlers, assets and refusals all carry the security headers", async ({ request }) => {
  const home = await request.get("/");
  const html = await home.text();
  const script = html.match(/\/_next\/static\/[^"]+?\.js/)?.[0];
  const stylesheet = html.match(/\/_next\/static\/[^"]+?\.css/)?.[0];
  expect(script && stylesheet).toBeTruthy();
  const responses: [string, APIResponse][] = [
    ["home page", home],
    ["404 page", await request.get("/halaman-yang-tidak-ada")],
    ["guarded page, signed out (redirect)", await request.get("/akun", { maxRedirects: 0 })],
    ["Auth.js CSRF endpoint", await request.get("/api/auth/csrf")],
    ["Auth.js session endpoint", await request.get("/api/auth/session")],
    ["script asset", await request.get(script!)],
    ["stylesheet asset", await request.get(stylesheet!)],
    ["missing asset", await request.get("/_next/static/chunks/tidak-ada.js")],
    ["cross-site POST refused by the proxy", await request.post("/", { headers: { origin: "https://evil.example" } })],
    ["address with a NUL character, refused by the proxy", await request.get("/kebutuhan?q=a%00b")],
  ];
  expect(responses.at(-2)![1].status()).toBe(403);
  expect(responses.at(-1)![1].status()).toBe(400);
  // Every route handler in the build, with parameters that match nothing (401/404 answers need the headers too).
  for (const route of appRoutes().handlers)
    responses.push([`route handler ${route}`, await request.get(placeholderPath(route), { maxRedirects: 0 })]);
  expect(responses.filter(([, response]) => response.status() === 200).length).toBeGreaterThan(4);
  for (const [name, response] of responses) expectSecurityHeaders(name, response);
});

test("every page answers with a policy whose nonce is fresh and is the one on its scripts", async ({ request }) => {
  const { pages } = appRoutes();
  expect(pages.length).toBeGreaterThan(10);
  const nonces = new Set<string>();
  for (const route of pages) {
    const response = await request.get(placeholderPath(route), { maxRedirects: 0 });
    expectSecurityHeaders(route, response);
    const csp = policy(response);
    const nonce = csp
      .get("script-src")
      ?.find((value) => value.startsWith("'nonce-"))
      ?.slice(7, -1);
    expect(nonce, `${route}: nonce in script-src`).toBeTruthy();
    expect(csp.get("script-src"), route).toContain("'strict-dynamic'");
    expect(csp.get("style-src"), route).not.toContain("'unsafe-inline'");
    nonces.add(nonce!);
    if (response.status() !== 200) continue;
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, route).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${route}: ${tag}`).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(pages.length);
});
