import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { brotliDecompress, gunzip, gzip, inflate } from "node:zlib";
import { promisify } from "node:util";
import { createNonce } from "@/lib/security/csp.ts";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/config.ts";
import { hasSessionCookie } from "@/lib/security/cookies.ts";
import { GUEST_CACHE_HEADER, guestPage } from "./guest-pages.ts";

// A short-lived cache of public pages as guests see them, in front of Next.js (server.ts).
//
// Why: every page is rendered per request, because the Content-Security-Policy carries a
// fresh nonce and the language comes from a cookie, so Next.js's own full-route cache
// cannot hold them. A public page is the same for every guest with the same language,
// though, and at city scale thousands of guests open the same catalogue page. This keeps
// each such page for a few seconds (PAGE_CACHE_SECONDS) and renders it once per period.
//
// What keeps it safe:
// - Only GET and HEAD of the public page paths below, never an action, a route handler,
//   a client-side navigation (RSC) request or a prefetch.
// - Never for a signed-in visitor: any request with an Auth.js session cookie passes
//   through untouched. Pages vary only by session and language, and the language is in
//   the key.
// - Only a 200 HTML answer without Set-Cookie is kept.
// - The nonce is never reused: the rendered page is kept as the text between the
//   occurrences of its nonce, and each answer joins it with a fresh one (in the body and
//   in the policy header), so every response still has its own unguessable nonce.
// - Many guests asking for the same page at once wait for one render (no stampede).
// Guests may see coverage figures up to PAGE_CACHE_SECONDS old; anyone signed in sees
// live figures. See docs/decisions/0013-page-cache-and-workers.md.

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

interface Entry {
  status: number;
  headers: [string, string[]][];
  /** The page split at its nonce; joined with a fresh nonce for each answer. */
  parts: string[];
  expires: number;
  bytes: number;
}

export interface PageCacheOptions {
  ttlMs: number;
  /** Upper bound on memory: the oldest pages go first. */
  maxBytes?: number;
  /** The clock that ages pages, in milliseconds (Date.now); tests pass one they advance themselves. */
  now?: () => number;
}

export interface PageCache {
  handle(req: IncomingMessage, res: ServerResponse, next: Handler): Promise<void>;
  size(): number;
}

const gzipAsync = promisify(gzip);
const DECODERS: Record<string, (buffer: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

/** The cache key of a request, or null when it must reach Next.js untouched. */
export function cacheKey(req: Pick<IncomingMessage, "method" | "url" | "headers">): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const headers = req.headers;
  // Client-side navigations, prefetches and actions carry these; they answer with RSC data.
  if (headers["rsc"] || headers["next-router-prefetch"] || headers["next-action"] || headers["next-router-state-tree"]) return null;
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  const path = query >= 0 ? url.slice(0, query) : url;
  // Only the parameters the page reads make the key, in a fixed order: `?x=1` or a
  // reordered query is the same page, so made-up addresses cannot push real pages out.
  const page = guestPage(path);
  if (!page) return null;
  const search = new URLSearchParams(query >= 0 ? url.slice(query + 1) : "");
  if (search.has("_rsc")) return null;
  const cookie = headers.cookie ?? "";
  if (hasSessionCookie(cookie)) return null;
  const locale = resolveLocale(readCookie(cookie, LOCALE_COOKIE));
  const proto = String(headers["x-forwarded-proto"] ?? "http")
    .split(",")[0]!
    .trim();
  // The page reads the first value of each of its parameters and ignores the rest.
  const known = page.params.flatMap((name) => {
    const value = search.get(name);
    return value === null ? [] : [`${name}=${encodeURIComponent(value)}`];
  });
  return `${proto}|${headers.host ?? ""}|${locale}|${path}?${known.join("&")}`;
}

function readCookie(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

const NONCE_IN_POLICY = /'nonce-([A-Za-z0-9+/=]+)'/;

export function createPageCache({ ttlMs, maxBytes = 64 * 1024 * 1024, now = Date.now }: PageCacheOptions): PageCache {
  const entries = new Map<string, Entry>();
  const rendering = new Map<string, Promise<Entry | null>>();
  let bytes = 0;

  const remember = (key: string, entry: Entry) => {
    const old = entries.get(key);
    if (old) bytes -= old.bytes;
    entries.delete(key);
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const [oldest, value] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(oldest);
      bytes -= value.bytes;
    }
  };

  return {
    size: () => entries.size,
    async handle(req, res, next) {
      const key = ttlMs > 0 ? cacheKey(req) : null;
      if (key === null) return next(req, res);
      const cached = entries.get(key);
      if (cached && cached.expires > now()) return send(req, res, cached, "HIT");
      // A HEAD render has no body: it may be answered from a kept page, never keep or share one.
      if (req.method !== "GET") return next(req, res);
      const pending = rendering.get(key);
      if (pending) {
        const entry = await pending;
        return entry ? send(req, res, entry, "HIT") : next(req, res);
      }
      const { entry: render, done } = capture(req, res, next, () => now() + ttlMs);
      rendering.set(key, render);
      try {
        const entry = await render;
        if (entry) remember(key, entry);
        else entries.delete(key);
      } finally {
        rendering.delete(key);
      }
      // A render that failed fails this request as it would without the cache (server.ts answers 500).
      await done;
    },
  };
}

/**
 * Lets Next.js answer this request as usual (streamed, and compressed when the browser
 * accepts it) and keeps a decompressed copy of a cacheable answer.
 */
function capture(
  req: IncomingMessage,
  res: ServerResponse,
  next: Handler,
  expiry: () => number,
): { entry: Promise<Entry | null>; done: Promise<void> } {
  const chunks: Buffer[] = [];
  let explicit: OutgoingHttpHeaders = {};
  const { write, end, writeHead } = res;
  res.setHeader("X-Page-Cache", "MISS");
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(
      Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"),
    );
  };
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.find((arg, i) => i > 0 && arg && typeof arg === "object" && !Array.isArray(arg));
    if (headers) explicit = { ...explicit, ...(headers as OutgoingHttpHeaders) };
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse["write"];

  let done: Promise<void> = Promise.resolve();
  const entry = new Promise<Entry | null>((resolve) => {
    let settled = false;
    const finish = (entry: Entry | null) => {
      if (!settled) resolve(entry);
      settled = true;
    };
    let ended = false;
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      ended = true;
      keep(chunk, rest[0]);
      const result = (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
      toEntry(res.statusCode, { ...res.getHeaders(), ...explicit }, chunks, expiry()).then(finish, () => finish(null));
      return result;
    } as ServerResponse["end"];
    // A client that went away before the end: nothing complete to keep.
    res.once("close", () => {
      if (!ended) finish(null);
    });
    done = Promise.resolve(next(req, res)).catch((error: unknown) => {
      finish(null);
      throw error;
    });
  });
  return { entry, done };
}

async function toEntry(status: number, headers: OutgoingHttpHeaders, chunks: Buffer[], expires: number): Promise<Entry | null> {
  // Only what the app marked as the same for every guest (proxy.ts), never a Set-Cookie.
  if (status !== 200 || headers["set-cookie"] || !(Number(headers[GUEST_CACHE_HEADER]) > 0)) return null;
  if (!String(headers["content-type"] ?? "").startsWith("text/html")) return null;
  const policy = String(headers["content-security-policy"] ?? "");
  const nonce = NONCE_IN_POLICY.exec(policy)?.[1];
  if (!nonce) return null;
  const encoding = String(headers["content-encoding"] ?? "identity").toLowerCase();
  const decode = DECODERS[encoding];
  if (!decode && encoding !== "identity") return null;
  const raw = Buffer.concat(chunks);
  const body = (decode ? await decode(raw) : raw).toString("utf8");
  const kept: [string, string[]][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (
      value === undefined ||
      ["content-length", "content-encoding", "transfer-encoding", "etag", "x-page-cache", "date", "connection", "keep-alive"].includes(
        name.toLowerCase(),
      )
    )
      continue;
    kept.push([name, (Array.isArray(value) ? value.join(", ") : String(value)).split(nonce)]);
  }
  return { status, headers: kept, parts: body.split(nonce), expires, bytes: body.length * 2 };
}

async function send(req: IncomingMessage, res: ServerResponse, entry: Entry, state: "HIT") {
  const nonce = createNonce();
  for (const [name, parts] of entry.headers) res.setHeader(name, parts.join(nonce));
  res.setHeader("X-Page-Cache", state);
  let body: Buffer = Buffer.from(entry.parts.join(nonce), "utf8");
  if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    body = await gzipAsync(body, { level: 6 });
    res.setHeader("Content-Encoding", "gzip");
  }
  const vary = String(res.getHeader("Vary") ?? "");
  if (!/accept-encoding/i.test(vary)) res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  res.setHeader("Content-Length", body.length);
  res.statusCode = entry.status;
  res.end(req.method === "HEAD" ? undefined : body);
}
