import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/route.ts";
import { cacheKey } from "@/lib/http/page-cache.ts";
import { healthResponse } from "@/lib/http/health.ts";

// GET /api/health, for load balancers: the database's state, nothing else, never cached.
describe("health check", () => {
  it("answers 200 {status: ok} with no-store when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 {status: unavailable} when the database fails or hangs, without its error", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failed = await healthResponse(() => Promise.reject(new Error("password authentication failed for user ksbb")));
    const hung = await healthResponse(() => new Promise(() => undefined), 50);
    for (const response of [failed, hung]) {
      expect(response.status).toBe(503);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).toBe('{"status":"unavailable"}');
    }
    expect(log).toHaveBeenCalledTimes(2);
    log.mockRestore();
  });

  it("is never served from the guest page cache", () => {
    expect(cacheKey({ method: "GET", url: "/api/health", headers: {} })).toBeNull();
    expect(cacheKey({ method: "GET", url: "/", headers: {} })).not.toBeNull();
  });
});
