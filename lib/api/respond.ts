import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import id from "@/lib/i18n/messages/id.json";
import { encodeCursor } from "./cursor.ts";
import { ApiError, type ParamProblem } from "./errors.ts";
import { apiLocale } from "./locale.ts";
import type { ParamDoc } from "./params.ts";

// Responses of the public, read-only open-data endpoints: JSON with CORS for any origin
// (the data is published for reuse, and no endpoint reads cookies or a session), short
// shared caching, and errors as { error: { code, message, details } }.

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Accept, Accept-Language",
  "Access-Control-Expose-Headers": "Content-Disposition",
  "Access-Control-Max-Age": "86400",
} as const;

/** Public data may be cached by browsers and shared caches for a minute, then served stale while refreshed. */
export const API_CACHE = "public, max-age=60, s-maxage=60, stale-while-revalidate=300";
const ALLOW = "GET, HEAD, OPTIONS";

export function jsonResponse(body: unknown, init: { status?: number; cache?: string; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": init.cache ?? API_CACHE,
      ...CORS_HEADERS,
      ...init.headers,
    },
  });
}

function translator(request: Request) {
  const locale = apiLocale(request);
  return { locale, t: createTranslator({ locale, messages: locale === "en" ? en : id, namespace: "api" }) };
}

function expected(t: ReturnType<typeof translator>["t"], doc: ParamDoc): string {
  switch (doc.type) {
    case "enum":
      return t("expected.enum", { values: doc.values.join(", ") });
    case "code":
      return t("expected.code", { levels: doc.levels.map((level) => t(`level.${level}`)).join(", "), examples: doc.examples.join(", ") });
    case "integer":
      return t("expected.integer", { min: doc.min, max: doc.max });
    case "text":
      return t("expected.text", { max: doc.maxLength });
    case "slug":
      return t("expected.slug");
    case "flag":
      return t("expected.flag");
    case "cursor":
      return t("expected.cursor");
  }
}

function detail(t: ReturnType<typeof translator>["t"], problem: ParamProblem) {
  const code = problem.problem;
  const message =
    code === "invalid_value"
      ? t("problem.invalid_value", { expected: problem.doc ? expected(t, problem.doc) : "-" })
      : t(`problem.${code}`);
  return { parameter: problem.parameter, problem: problem.problem, message };
}

export function errorResponse(request: Request, error: ApiError): Response {
  const { locale, t } = translator(request);
  const message =
    error.code === "invalid_parameters"
      ? t("invalid_parameters", { parameters: error.problems.map((p) => p.parameter).join(", ") })
      : error.code === "method_not_allowed"
        ? t("method_not_allowed", { method: error.method ?? request.method })
        : t(error.code);
  return jsonResponse(
    { error: { code: error.code, message, details: error.problems.map((problem) => detail(t, problem)) } },
    {
      status: error.status,
      cache: "no-store",
      headers: { "Content-Language": locale, Vary: "Accept-Language", ...(error.status === 405 ? { Allow: ALLOW } : {}) },
    },
  );
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
  links: { self: string; next: string | null };
}

/**
 * A page from rows fetched with one more than the limit: the extra row only says that
 * another page exists. Links are site-relative (path and query), so they never carry a
 * host name taken from the request.
 */
export function pageOf<T>(rows: T[], limit: number, list: string, keyOf: (row: T) => string, url: URL): Page<T> {
  const data = rows.slice(0, limit);
  const next_cursor = rows.length > limit && data.length > 0 ? encodeCursor(list, keyOf(data.at(-1)!)) : null;
  const next = new URL(url);
  if (next_cursor) next.searchParams.set("cursor", next_cursor);
  return { data, next_cursor, links: { self: url.pathname + url.search, next: next_cursor ? next.pathname + next.search : null } };
}

type Handler = (request: Request, url: URL) => Promise<Response>;

/**
 * The route handlers of one public endpoint. Access: public — anyone, no session is read,
 * and the queries behind every endpoint select public columns only (lib/open-data). GET
 * (and HEAD, which Next.js answers from GET) reads; OPTIONS answers CORS preflights; any
 * other method gets a JSON 405. An unexpected failure is logged and answered with a JSON
 * 500 that says nothing about the cause.
 */
export function publicEndpoint(handler: Handler) {
  const GET = async (request: Request): Promise<Response> => {
    try {
      return await handler(request, new URL(request.url));
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(request, error);
      console.error("[api] %s %s failed", request.method, new URL(request.url).pathname, error);
      return errorResponse(request, new ApiError("internal_error"));
    }
  };
  const OPTIONS = async (): Promise<Response> => new Response(null, { status: 204, headers: { ...CORS_HEADERS, Allow: ALLOW } });
  const refuse = async (request: Request): Promise<Response> =>
    errorResponse(request, new ApiError("method_not_allowed", [], request.method));
  return { GET, OPTIONS, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}
