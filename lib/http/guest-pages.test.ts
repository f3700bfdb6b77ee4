import { describe, expect, it } from "vitest";
import { guestCacheSeconds, isGuestCacheable } from "./guest-pages.ts";

describe("answers a cache may keep for every guest", () => {
  it("are GETs and HEADs of the public pages without a session", () => {
    for (const path of [
      "/",
      "/kebutuhan",
      "/kebutuhan/need_1",
      "/transparansi",
      "/transparansi/kelurahan/31.71.01.1001",
      "/data",
      "/daftar",
    ]) {
      expect(isGuestCacheable("GET", path, ""), path).toBe(true);
      expect(isGuestCacheable("HEAD", path, "NEXT_LOCALE=en"), path).toBe(true);
    }
  });

  it("are never a signed-in visitor's, a write, or any other page", () => {
    expect(isGuestCacheable("GET", "/kebutuhan", "authjs.session-token=abc")).toBe(false);
    expect(isGuestCacheable("GET", "/kebutuhan", "a=1; __Secure-authjs.session-token.0=abc")).toBe(false);
    expect(isGuestCacheable("POST", "/kebutuhan/need_1", "")).toBe(false);
    for (const path of [
      "/akun",
      "/janji",
      "/staf/janji",
      "/agregator/penyaluran",
      "/api/v1/needs",
      "/masuk",
      "/kebutuhan/need_1/x",
      "/verifikasi",
    ])
      expect(isGuestCacheable("GET", path, ""), path).toBe(false);
  });

  it("are kept for PAGE_CACHE_SECONDS, 5 by default; 0 or nonsense turns caching off", () => {
    expect(guestCacheSeconds(undefined)).toBe(5);
    expect(guestCacheSeconds("30")).toBe(30);
    expect(guestCacheSeconds("0")).toBe(0);
    expect(guestCacheSeconds("-3")).toBe(0);
    expect(guestCacheSeconds("soon")).toBe(0);
  });
});
