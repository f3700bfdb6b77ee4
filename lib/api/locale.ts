import type { Locale } from "@/lib/i18n/config.ts";

/**
 * The API's language from Accept-Language (weights honoured): English when the caller
 * prefers it to Indonesian, otherwise Indonesian, the portal's default. API callers have
 * no language cookie, so the header is the one signal.
 */
export function apiLocale(request: Request): Locale {
  const header = request.headers.get("accept-language") ?? "";
  let best: { locale: Locale; q: number } | null = null;
  for (const part of header.split(",").slice(0, 20)) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const language = tag.split("-")[0];
    if (language !== "id" && language !== "en" && language !== "in") continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const locale: Locale = language === "en" ? "en" : "id";
    if (!best || q > best.q) best = { locale, q };
  }
  return best?.locale ?? "id";
}
