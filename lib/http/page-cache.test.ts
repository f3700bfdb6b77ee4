import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createNonce } from "@/lib/security/csp.ts";
import { cacheKey, createPageCache, type PageCacheOptions } from "./page-cache.ts";

// The guest page cache in front of Next.js (server.ts), served by a real HTTP server whose
// "Next.js" is a fake that renders a page around a fresh nonce each time, as proxy.ts and
// Next.js do, and counts its renders.

interface Render {
  status?: number;
  contentType?: string;
  /** The policy header; null for none. Default: script-src and style-src with the nonce. */
  csp?: (nonce: string) => string | null;
  setCookie?: "setHeader" | "writeHead";
  /** Awaited before anything is written. */
  before?: () => Promise<void>;
  /** A failure of Next.js's handler before it answers. */
  reject?: boolean;
  /** Gzip the page when the request accepts it, as Next.js's compression does. */
  compress?: boolean;
  /** false: the app does not mark the answer as the same for every guest. */
  guestMark?: boolean;
}

const PAGE_LENGTH = 4000; // characters; an entry counts two bytes a character

const policy = (nonce: string) =>
  `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; style-src 'self' 'nonce-${nonce}'`;

function page(req: IncomingMessage, nonce: string, render: number): string {
  const cookie = req.headers.cookie ?? "";
  const locale = /(^|;\s*)NEXT_LOCALE=en(;|$)/.test(cookie) ? "en" : "id";
  const signedIn = /authjs\.session-token/.test(cookie);
  const html =
    `<!DOCTYPE html><html lang="${locale}"><head><style nonce="${nonce}">body{margin:0}</style>` +
    `<script nonce="${nonce}" src="/_next/static/chunks/main.js" async></script></head><body>` +
    `<h1>${locale === "en" ? "Needs" : "Daftar kebutuhan"}</h1>` +
    `<p>${signedIn ? "Akun saya" : "Masuk"}</p><p>url ${req.url} render ${render}</p>` +
    `<script nonce="${nonce}">self.__next_f.push([1,"{\\"nonce\\":\\"${nonce}\\"}"])</script>` +
    `<script id="data" type="application/json">{"nonce":"${nonce}"}</script><!--`;
  return html.padEnd(PAGE_LENGTH - 3, "x") + "-->";
}

interface Reply {
  status: number;
  headers: Headers;
  body: string;
}

const servers: http.Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/**
 * A cache on a clock that stands still until a test moves it: how long a request takes
 * (on a busy machine, seconds) never ages a page, so no test depends on the wall clock.
 */
async function start(options: Omit<PageCacheOptions, "now">, render: Render = {}) {
  const clock = { ms: 1_000_000 };
  const cache = createPageCache({ ...options, now: () => clock.ms });
  const state = { renders: 0, arrivals: 0, render };
  const next = async (req: IncomingMessage, res: ServerResponse) => {
    state.renders += 1;
    const r = state.render;
    await r.before?.();
    if (r.reject) throw new Error("render failed");
    const nonce = createNonce();
    const body = page(req, nonce, state.renders);
    const headers: Record<string, string> = {
      "Content-Type": r.contentType ?? "text/html; charset=utf-8",
      "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
    };
    // proxy.ts marks what guests may share.
    if (r.guestMark !== false) headers["X-Accel-Expires"] = "5";
    const csp = (r.csp ?? policy)(nonce);
    if (csp !== null) headers["Content-Security-Policy"] = csp;
    if (r.setCookie === "setHeader") res.setHeader("Set-Cookie", "NEXT_LOCALE=id; Path=/");
    res.statusCode = r.status ?? 200;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (r.setCookie === "writeHead") res.writeHead(res.statusCode, { "Set-Cookie": "NEXT_LOCALE=id; Path=/" });
    // Like Next.js (send-payload.ts): a HEAD request gets the headers and no body.
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    if (r.compress && /gzip/.test(String(req.headers["accept-encoding"] ?? ""))) {
      const zipped = gzipSync(body);
      res.setHeader("Content-Encoding", "gzip");
      res.write(zipped.subarray(0, 100));
      await new Promise((resolve) => setImmediate(resolve));
      res.end(zipped.subarray(100));
      return;
    }
    // Streamed in pieces, one boundary inside a nonce.
    const cut = body.indexOf(nonce) + 5;
    res.write(body.slice(0, cut));
    await new Promise((resolve) => setImmediate(resolve));
    res.write(Buffer.from(body.slice(cut, 1500)));
    res.end(body.slice(1500), "utf8");
  };
  const server = http.createServer((req, res) => {
    state.arrivals += 1;
    // As server.ts: a failure becomes a 500 while the answer can still be started.
    cache.handle(req, res, next).catch(() => {
      if (res.headersSent || res.writableEnded) return;
      res.statusCode = 500;
      res.end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path = "/kebutuhan", init: RequestInit = {}): Promise<Reply> => {
    const response = await fetch(origin + path, init);
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  return { cache, state, origin, get, clock };
}

const nonceOf = (reply: Reply) => /'nonce-([^']+)'/.exec(reply.headers.get("content-security-policy") ?? "")?.[1] ?? "";
const count = (text: string, part: string) => text.split(part).length - 1;

/** A request with node:http, which neither asks for nor undoes compression unless told. */
function raw(origin: string, path: string, method: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(origin + path, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("a guest's second visit", () => {
  it("is answered from the cache with a fresh nonce everywhere the old one was", async () => {
    const app = await start({ ttlMs: 5_000 });
    const first = await app.get();
    const second = await app.get();

    expect(first.status).toBe(200);
    expect(first.headers.get("x-page-cache")).toBe("MISS");
    expect(second.status).toBe(200);
    expect(second.headers.get("x-page-cache")).toBe("HIT");
    expect(app.state.renders).toBe(1);

    const [old, fresh] = [nonceOf(first), nonceOf(second)];
    expect(old).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(fresh).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(fresh).not.toBe(old);
    // The same page, nonce aside: five places in the body (style, two scripts, two JSON strings).
    expect(count(first.body, old)).toBe(5);
    expect(count(second.body, fresh)).toBe(5);
    expect(second.body.replaceAll(fresh, old)).toBe(first.body);
    // The policy names the new nonce for scripts and styles; the old one is nowhere.
    expect(second.headers.get("content-security-policy")).toBe(policy(fresh));
    expect(second.body).not.toContain(old);
    for (const [, value] of second.headers) expect(value).not.toContain(old);
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(second.headers.get("cache-control")).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
  });

  it("gets a different nonce on every hit", async () => {
    const app = await start({ ttlMs: 5_000 });
    await app.get();
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) nonces.add(nonceOf(await app.get()));
    expect(nonces.size).toBe(5);
    expect(app.state.renders).toBe(1);
  });

  it("is rendered again once the page is older than the TTL", async () => {
    const app = await start({ ttlMs: 5_000 });
    await app.get();
    app.clock.ms += 4_999;
    expect((await app.get()).headers.get("x-page-cache")).toBe("HIT");
    app.clock.ms += 1;
    const late = await app.get();
    expect(late.headers.get("x-page-cache")).toBe("MISS");
    expect(late.body).toContain("render 2");
    expect(app.state.renders).toBe(2);
    // The new render is kept for the next TTL.
    app.clock.ms += 4_999;
    const again = await app.get();
    expect(again.headers.get("x-page-cache")).toBe("HIT");
    expect(again.body).toContain("render 2");
    expect(app.state.renders).toBe(2);
  });

  it("is never cached with ttlMs 0", async () => {
    const app = await start({ ttlMs: 0 });
    const replies = [await app.get(), await app.get(), await app.get()];
    expect(app.state.renders).toBe(3);
    for (const reply of replies) expect(reply.headers.get("x-page-cache")).toBeNull();
    expect(app.cache.size()).toBe(0);
  });
});

describe("a signed-in visitor", () => {
  for (const name of [
    "authjs.session-token",
    "__Secure-authjs.session-token",
    "authjs.session-token.0",
    "__Secure-authjs.session-token.0",
  ]) {
    it(`with ${name} is never answered from the cache nor stored`, async () => {
      const app = await start({ ttlMs: 5_000 });
      // A guest has already filled the cache.
      await app.get();
      expect(app.cache.size()).toBe(1);
      for (const cookie of [`${name}=abc`, `NEXT_LOCALE=id; ${name}=abc`, `NEXT_LOCALE=id;${name}=abc; other=1`]) {
        const reply = await app.get("/kebutuhan", { headers: { cookie } });
        expect(reply.headers.get("x-page-cache")).toBeNull();
        expect(reply.body).toContain("Akun saya");
      }
      expect(app.state.renders).toBe(4);
      // Only the guest's page is stored, and guests still get it.
      expect(app.cache.size()).toBe(1);
      const guest = await app.get();
      expect(guest.headers.get("x-page-cache")).toBe("HIT");
      expect(guest.body).toContain("Masuk");
      expect(guest.body).not.toContain("Akun saya");
    });
  }

  it("who comes first leaves nothing behind for guests", async () => {
    const app = await start({ ttlMs: 5_000 });
    await app.get("/kebutuhan", { headers: { cookie: "authjs.session-token=abc" } });
    await app.get("/kebutuhan", { headers: { cookie: "authjs.session-token=abc" } });
    expect(app.cache.size()).toBe(0);
    const guest = await app.get();
    expect(guest.headers.get("x-page-cache")).toBe("MISS");
    expect(guest.body).toContain("Masuk");
    expect(app.state.renders).toBe(3);
  });
});

describe("languages", () => {
  it("keep separate pages, so a guest sees the page in their own language", async () => {
    const app = await start({ ttlMs: 5_000 });
    const id = await app.get("/kebutuhan", { headers: { cookie: "NEXT_LOCALE=id" } });
    const en = await app.get("/kebutuhan", { headers: { cookie: "NEXT_LOCALE=en" } });
    expect(en.headers.get("x-page-cache")).toBe("MISS");
    expect(app.state.renders).toBe(2);
    expect(app.cache.size()).toBe(2);

    const enAgain = await app.get("/kebutuhan", { headers: { cookie: "theme=dark; NEXT_LOCALE=en" } });
    expect(enAgain.headers.get("x-page-cache")).toBe("HIT");
    expect(enAgain.body).toContain('<html lang="en">');
    expect(enAgain.body).toContain("<h1>Needs</h1>");
    expect(enAgain.body.replaceAll(nonceOf(enAgain), nonceOf(en))).toBe(en.body);

    // No cookie, or one naming no supported language, is Bahasa Indonesia.
    for (const init of [{}, { headers: { cookie: "NEXT_LOCALE=fr" } }, { headers: { cookie: "NEXT_LOCALE=id" } }]) {
      const reply = await app.get("/kebutuhan", init);
      expect(reply.headers.get("x-page-cache")).toBe("HIT");
      expect(reply.body).toContain('<html lang="id">');
      expect(reply.body.replaceAll(nonceOf(reply), nonceOf(id))).toBe(id.body);
    }
    expect(app.state.renders).toBe(2);
  });
});

describe("answers that are not kept", () => {
  const cases: [string, Render][] = [
    ["one that sets a cookie (setHeader)", { setCookie: "setHeader" }],
    ["one that sets a cookie (writeHead)", { setCookie: "writeHead" }],
    ["a 404", { status: 404 }],
    ["a 500", { status: 500 }],
    ["a 203", { status: 203 }],
    ["JSON", { contentType: "application/json" }],
    ["plain text", { contentType: "text/plain; charset=utf-8" }],
    ["a page whose policy has no nonce", { csp: () => "default-src 'self'; script-src 'self'" }],
    ["a page without a policy", { csp: () => null }],
    ["a page the app did not mark as the same for every guest", { guestMark: false }],
  ];
  for (const [name, render] of cases) {
    it(`${name} reaches the visitor but is rendered again next time`, async () => {
      const app = await start({ ttlMs: 5_000 }, render);
      const first = await app.get();
      const second = await app.get();
      expect(app.state.renders).toBe(2);
      expect(app.cache.size()).toBe(0);
      for (const reply of [first, second]) {
        expect(reply.status).toBe(render.status ?? 200);
        expect(reply.headers.get("x-page-cache")).toBe("MISS");
      }
      expect(first.body).toContain("render 1");
      expect(first.body).toHaveLength(PAGE_LENGTH);
      expect(second.body).toContain("render 2");
    });
  }
});

describe("requests that pass through untouched", () => {
  const cases: [string, string, RequestInit][] = [
    ["POST", "/kebutuhan", { method: "POST", body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } }],
    ["a server action", "/kebutuhan", { method: "POST", headers: { "next-action": "abc" } }],
    ["the account page", "/akun", {}],
    ["the sign-in page", "/masuk", {}],
    ["a route handler", "/api/v1/needs", {}],
    ["a deeper path", "/kebutuhan/x/y", {}],
    ["an RSC request", "/kebutuhan", { headers: { rsc: "1" } }],
    ["an RSC request by query", "/kebutuhan?_rsc=abc12", {}],
    ["an RSC request by query after another parameter", "/kebutuhan?page=2&_rsc=abc12", {}],
    ["a prefetch", "/kebutuhan", { headers: { rsc: "1", "next-router-prefetch": "1" } }],
    ["a router state request", "/kebutuhan", { headers: { "next-router-state-tree": "%5B%22%22%5D" } }],
  ];
  for (const [name, path, init] of cases) {
    it(`${name} (${path})`, async () => {
      const app = await start({ ttlMs: 5_000 });
      const replies = [await app.get(path, init), await app.get(path, init)];
      expect(app.state.renders).toBe(2);
      expect(app.cache.size()).toBe(0);
      for (const reply of replies) expect(reply.headers.get("x-page-cache")).toBeNull();
    });
  }

  it("an RSC request does not get a cached HTML page either", async () => {
    const app = await start({ ttlMs: 5_000 });
    await app.get("/kebutuhan");
    const rsc = await app.get("/kebutuhan", { headers: { rsc: "1" } });
    expect(rsc.headers.get("x-page-cache")).toBeNull();
    expect(app.state.renders).toBe(2);
  });
});

describe("many guests at once", () => {
  it("wait for a single render of a cold page, each with its own nonce", async () => {
    const app = await start({ ttlMs: 5_000 });
    // The render starts only once all twenty requests have arrived.
    app.state.render = { before: () => vi.waitFor(() => expect(app.state.arrivals).toBe(20), { timeout: 10_000, interval: 10 }) };
    const replies = await Promise.all(Array.from({ length: 20 }, () => app.get()));
    expect(app.state.renders).toBe(1);
    const nonces = new Set(replies.map(nonceOf));
    expect(nonces.size).toBe(20);
    const first = replies.find((reply) => reply.headers.get("x-page-cache") === "MISS")!;
    expect(replies.filter((reply) => reply.headers.get("x-page-cache") === "HIT")).toHaveLength(19);
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expect(reply.body).toHaveLength(PAGE_LENGTH);
      expect(reply.body.replaceAll(nonceOf(reply), nonceOf(first))).toBe(first.body);
    }
  });

  it("each get a render of their own when the shared one cannot be kept", async () => {
    const app = await start({ ttlMs: 5_000 });
    app.state.render = {
      setCookie: "setHeader",
      before: () => vi.waitFor(() => expect(app.state.arrivals).toBe(5), { timeout: 10_000, interval: 10 }),
    };
    const replies = await Promise.all(Array.from({ length: 5 }, () => app.get()));
    expect(app.state.renders).toBe(5);
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expect(reply.headers.get("x-page-cache")).not.toBe("HIT");
      expect(reply.body).toHaveLength(PAGE_LENGTH);
    }
    expect(new Set(replies.map(nonceOf)).size).toBe(5);
    expect(app.cache.size()).toBe(0);
  });
});

describe("encoding and methods", () => {
  it("keeps the page itself when Next.js sent the first guest a compressed answer", async () => {
    const app = await start({ ttlMs: 5_000 }, { compress: true });
    const first = await raw(app.origin, "/kebutuhan", "GET", { "accept-encoding": "gzip" });
    expect(first.headers["content-encoding"]).toBe("gzip");
    const original = gunzipSync(first.body).toString("utf8");
    const plain = await raw(app.origin, "/kebutuhan", "GET");
    expect(plain.headers["x-page-cache"]).toBe("HIT");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const [old, fresh] = [
      /'nonce-([^']+)'/.exec(String(first.headers["content-security-policy"]))![1]!,
      /'nonce-([^']+)'/.exec(String(plain.headers["content-security-policy"]))![1]!,
    ];
    expect(plain.body.toString("utf8").replaceAll(fresh, old)).toBe(original);
    expect(app.state.renders).toBe(1);
  });

  it("gzips a hit for a client that accepts gzip", async () => {
    const app = await start({ ttlMs: 5_000 });
    const first = await raw(app.origin, "/kebutuhan", "GET", { "accept-encoding": "gzip, deflate, br" });
    // This "Next.js" never compresses: the first answer is the page as rendered.
    expect(first.headers["content-encoding"]).toBeUndefined();
    const hit = await raw(app.origin, "/kebutuhan", "GET", { "accept-encoding": "gzip, deflate, br" });
    expect(hit.headers["x-page-cache"]).toBe("HIT");
    expect(hit.headers["content-encoding"]).toBe("gzip");
    expect(hit.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(hit.headers["content-length"])).toBe(hit.body.length);
    expect(hit.body.length).toBeLessThan(PAGE_LENGTH / 2);
    const page = gunzipSync(hit.body).toString("utf8");
    const [old, fresh] = [
      /'nonce-([^']+)'/.exec(String(first.headers["content-security-policy"]))![1]!,
      /'nonce-([^']+)'/.exec(String(hit.headers["content-security-policy"]))![1]!,
    ];
    expect(fresh).not.toBe(old);
    expect(page.replaceAll(fresh, old)).toBe(first.body.toString("utf8"));

    const plain = await raw(app.origin, "/kebutuhan", "GET");
    expect(plain.headers["x-page-cache"]).toBe("HIT");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers["content-length"])).toBe(PAGE_LENGTH);
    expect(plain.body.toString("utf8")).toHaveLength(PAGE_LENGTH);
    expect(app.state.renders).toBe(1);
  });

  it("answers a HEAD hit with the page's headers and no body", async () => {
    const app = await start({ ttlMs: 5_000 });
    const first = await app.get();
    const head = await raw(app.origin, "/kebutuhan", "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["x-page-cache"]).toBe("HIT");
    expect(head.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(Number(head.headers["content-length"])).toBe(first.body.length);
    expect(head.body.length).toBe(0);
    expect(String(head.headers["content-security-policy"])).not.toContain(nonceOf(first));
    // The GET page is still whole afterwards.
    const again = await app.get();
    expect(again.body).toHaveLength(PAGE_LENGTH);
    expect(app.state.renders).toBe(1);
  });

  // Known bug (see the report on lib/http/page-cache.ts): a HEAD that misses is rendered
  // by Next.js without a body and that empty page is kept under the GET key, so guests
  // get a blank 200 page until it expires. Turn into `it` once fixed.
  it("a HEAD that misses does not leave an empty page for guests", async () => {
    const app = await start({ ttlMs: 5_000 });
    const head = await raw(app.origin, "/kebutuhan", "HEAD");
    expect(head.status).toBe(200);
    const guest = await app.get();
    expect(guest.body).toHaveLength(PAGE_LENGTH);
  });
});

describe("memory", () => {
  // Each page is 4000 characters, counted as 8000 bytes.
  it("drops the oldest page when over maxBytes", async () => {
    const app = await start({ ttlMs: 5_000, maxBytes: 20_000 });
    await app.get("/kebutuhan/a");
    await app.get("/kebutuhan/b");
    expect(app.cache.size()).toBe(2);
    await app.get("/kebutuhan/c");
    expect(app.cache.size()).toBe(2);
    expect(app.state.renders).toBe(3);
    expect((await app.get("/kebutuhan/b")).headers.get("x-page-cache")).toBe("HIT");
    expect((await app.get("/kebutuhan/c")).headers.get("x-page-cache")).toBe("HIT");
    const a = await app.get("/kebutuhan/a");
    expect(a.headers.get("x-page-cache")).toBe("MISS");
    expect(a.body).toContain("url /kebutuhan/a render 4");
    expect(app.state.renders).toBe(4);
  });

  it("keeps no page larger than maxBytes", async () => {
    const app = await start({ ttlMs: 5_000, maxBytes: 5_000 });
    await app.get();
    expect(app.cache.size()).toBe(0);
    expect((await app.get()).headers.get("x-page-cache")).toBe("MISS");
    expect(app.state.renders).toBe(2);
  });
});

describe("failures", () => {
  // Known bug (see the report): on a miss, a rejection of Next.js's handler is swallowed,
  // so server.ts never answers 500 and the visitor waits until the connection times out.
  // Turn into `it` once fixed.
  it("a render that fails still gets an answer", async () => {
    const app = await start({ ttlMs: 5_000 }, { reject: true });
    const reply = await app.get("/kebutuhan", { signal: AbortSignal.timeout(1_000) });
    expect(reply.status).toBe(500);
  });

  it("a render that fails is not kept and the next guest renders again", async () => {
    const app = await start({ ttlMs: 5_000 }, { reject: true });
    await app.get("/kebutuhan", { signal: AbortSignal.timeout(500) }).catch(() => undefined);
    app.state.render = {};
    const reply = await app.get();
    expect(reply.status).toBe(200);
    expect(reply.headers.get("x-page-cache")).toBe("MISS");
    expect(app.state.renders).toBe(2);
  });
});

describe("cacheKey", () => {
  const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({
    method,
    url,
    headers: { host: "ksbb.test", ...headers },
  });

  it("keys GET and HEAD of the public pages", () => {
    for (const url of [
      "/",
      "/kebutuhan",
      "/kebutuhan?kelurahan=31.71.01.1001&page=2",
      "/kebutuhan/need_00001",
      "/transparansi",
      "/transparansi/kelurahan/31.71.01.1001",
      "/data",
      "/daftar",
    ]) {
      expect(cacheKey(request(url)), url).toEqual(expect.any(String));
      expect(cacheKey(request(url, {}, "HEAD")), url).toBe(cacheKey(request(url)));
    }
  });

  it("passes every other method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
      expect(cacheKey(request("/kebutuhan", {}, method)), method).toBeNull();
  });

  it("passes every other path", () => {
    for (const url of [
      "/akun",
      "/masuk",
      "/pemberitahuan",
      "/admin",
      "/api/v1/needs",
      "/kebutuhan/",
      "/kebutuhan/x/y",
      "/kebutuhan/need_00001/janji",
      "/kebutuhan/%2e%2e",
      "/transparansi/kelurahan/abc",
      "/_next/static/chunks/main.js",
      "/data.csv",
      "//kebutuhan",
    ])
      expect(cacheKey(request(url)), url).toBeNull();
  });

  it("passes RSC, prefetch and action requests", () => {
    const rscHeaders: Record<string, string>[] = [
      { rsc: "1" },
      { "next-router-prefetch": "1" },
      { "next-action": "abc" },
      { "next-router-state-tree": "%5B%5D" },
    ];
    for (const headers of rscHeaders) {
      expect(cacheKey(request("/kebutuhan", headers)), JSON.stringify(headers)).toBeNull();
    }
    expect(cacheKey(request("/kebutuhan?_rsc=1a2b"))).toBeNull();
    expect(cacheKey(request("/kebutuhan?page=2&_rsc=1a2b"))).toBeNull();
    expect(cacheKey(request("/?_rsc=1a2b"))).toBeNull();
    // A parameter that only ends in _rsc is an ordinary one.
    expect(cacheKey(request("/kebutuhan?x_rsc=1"))).toEqual(expect.any(String));
  });

  it("keys only the parameters each page reads, so made-up addresses share one entry", () => {
    const page = cacheKey(request("/kebutuhan?category=PANGAN&page=2"));
    expect(cacheKey(request("/kebutuhan?page=2&category=PANGAN"))).toBe(page);
    expect(cacheKey(request("/kebutuhan?category=PANGAN&page=2&x=1"))).toBe(page);
    expect(cacheKey(request("/kebutuhan?utm_source=a&category=PANGAN&fbclid=b&page=2"))).toBe(page);
    expect(cacheKey(request("/kebutuhan?category=PANGAN&page=2&page=9"))).toBe(page);
    expect(cacheKey(request("/kebutuhan?category=PANGAN&page=3"))).not.toBe(page);
    expect(cacheKey(request("/kebutuhan?category=UMKM&page=2"))).not.toBe(page);
    // A need page reads no parameter at all.
    expect(cacheKey(request("/kebutuhan/need_1?a=1"))).toBe(cacheKey(request("/kebutuhan/need_1?b=2")));
    expect(cacheKey(request("/transparansi?lebih=2"))).not.toBe(cacheKey(request("/transparansi")));
    expect(cacheKey(request("/transparansi?zoom=2"))).toBe(cacheKey(request("/transparansi")));
  });

  it("passes any request with an Auth.js session cookie", () => {
    for (const cookie of [
      "authjs.session-token=abc",
      "__Secure-authjs.session-token=abc",
      "authjs.session-token.0=abc; authjs.session-token.1=def",
      "__Secure-authjs.session-token.0=abc",
      "__Secure-authjs.session-token.12=abc",
      "NEXT_LOCALE=en; authjs.session-token=abc",
      "NEXT_LOCALE=en;authjs.session-token=abc",
      "a=1;  __Secure-authjs.session-token=abc; b=2",
    ])
      expect(cacheKey(request("/kebutuhan", { cookie })), cookie).toBeNull();
  });

  it("keys guests with Auth.js's other cookies and look-alike names", () => {
    for (const cookie of [
      "authjs.csrf-token=abc",
      "authjs.callback-url=%2F",
      "__Secure-authjs.callback-url=%2F",
      "xauthjs.session-token=abc",
      "NEXT_LOCALE=en",
    ]) {
      expect(cacheKey(request("/kebutuhan", { cookie })), cookie).toEqual(expect.any(String));
    }
  });

  it("tells languages, protocols, hosts and addresses apart", () => {
    const id = cacheKey(request("/kebutuhan"));
    expect(cacheKey(request("/kebutuhan", { cookie: "NEXT_LOCALE=id" }))).toBe(id);
    expect(cacheKey(request("/kebutuhan", { cookie: "NEXT_LOCALE=fr" }))).toBe(id);
    expect(cacheKey(request("/kebutuhan", { cookie: "other=1; NEXT_LOCALE=id" }))).toBe(id);
    const en = cacheKey(request("/kebutuhan", { cookie: "NEXT_LOCALE=en" }));
    expect(en).not.toBe(id);
    expect(cacheKey(request("/kebutuhan", { cookie: "other=1; NEXT_LOCALE=en; x=2" }))).toBe(en);

    const keys = [
      id,
      en,
      cacheKey(request("/kebutuhan", { "x-forwarded-proto": "https" })),
      cacheKey(request("/kebutuhan", { host: "other.test" })),
      cacheKey(request("/kebutuhan?page=2")),
      cacheKey(request("/kebutuhan?page=3")),
      cacheKey(request("/")),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(cacheKey(request("/kebutuhan", { "x-forwarded-proto": "https, http" }))).toBe(
      cacheKey(request("/kebutuhan", { "x-forwarded-proto": "https" })),
    );
  });
});
