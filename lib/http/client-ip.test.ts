import { describe, expect, it } from "vitest";
import { clientIpFrom, resolveClientIp } from "./client-ip.ts";

describe("resolveClientIp", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientIp("::ffff:192.0.2.7", "198.51.100.1", 0)).toBe("192.0.2.7");
  });
  it("takes the address the trusted proxy saw, not what the client wrote before it", () => {
    // The client forged 198.51.100.1; the proxy appended the real 203.0.113.9.
    expect(resolveClientIp("10.0.0.2", "198.51.100.1, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(resolveClientIp("10.0.0.2", ["198.51.100.1", "203.0.113.9, 10.0.0.1"], 2)).toBe("203.0.113.9");
  });
  it("falls back to the peer when the header is missing or not an address", () => {
    expect(resolveClientIp("192.0.2.7", undefined, 1)).toBe("192.0.2.7");
    expect(resolveClientIp("192.0.2.7", "not-an-ip", 1)).toBe("192.0.2.7");
  });
  it("reads only a valid address from the header server.ts sets", () => {
    expect(clientIpFrom(new Headers({ "x-ksbb-client-ip": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(clientIpFrom(new Headers({ "x-ksbb-client-ip": "<script>" }))).toBeNull();
    expect(clientIpFrom(undefined)).toBeNull();
  });
});
