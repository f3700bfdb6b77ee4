import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce } from "@/lib/security/csp.ts";
import { BODY_LIMIT_BYTES } from "@/lib/security/limits.ts";
import { proxy } from "@/proxy.ts";

const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

describe("the page Content-Security-Policy", () => {
  it("runs only scripts carrying the request's nonce in production", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123==", dev: false, https: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only in development, and upgrades subresources only over https", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
    for (const dev of [true, false])
      expect(directives(contentSecurityPolicy({ nonce: "n", dev, https: false })).get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("draws a fresh 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1_000 }, createNonce));
    expect(nonces.size).toBe(1_000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("proxy.ts", () => {
  const request = (method: string, headers: Record<string, string>) =>
    new NextRequest("http://portal.test/daftar/donatur", { method, headers: { host: "portal.test", ...headers } });

  it("refuses a write from another site or from an opaque origin", () => {
    for (const origin of ["https://evil.example", "null", "http://portal.test.evil.example", "not a url"]) {
      expect(proxy(request("POST", { origin })).status, origin).toBe(403);
    }
  });

  it("passes same-site writes, writes without an Origin, and reads; and sets the policy it tells Next.js", () => {
    for (const response of [
      proxy(request("POST", { origin: "http://portal.test" })),
      proxy(request("POST", {})),
      proxy(request("GET", { origin: "https://evil.example" })),
    ]) {
      expect(response.status).toBe(200);
      const policy = response.headers.get("content-security-policy")!;
      expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
      // The nonce reaches Next.js on the request, the same one the browser gets.
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    }
  });

  it("refuses a body over the limit before reading it", () => {
    expect(proxy(request("POST", { origin: "http://portal.test", "content-length": String(BODY_LIMIT_BYTES + 1) })).status).toBe(413);
    expect(proxy(request("POST", { origin: "http://portal.test", "content-length": String(BODY_LIMIT_BYTES) })).status).toBe(200);
  });

  it("refuses an address with a NUL character", () => {
    expect(proxy(new NextRequest("http://portal.test/kebutuhan?q=a%00b")).status).toBe(400);
    expect(proxy(new NextRequest("http://portal.test/kebutuhan/need%00")).status).toBe(400);
    expect(proxy(new NextRequest("http://portal.test/kebutuhan?q=100%25")).status).toBe(200);
  });

  it("compares with the forwarded host behind a reverse proxy", () => {
    expect(proxy(request("POST", { origin: "https://ksbb.jakarta.example", "x-forwarded-host": "ksbb.jakarta.example" })).status).toBe(200);
    expect(proxy(request("POST", { origin: "http://portal.test", "x-forwarded-host": "ksbb.jakarta.example" })).status).toBe(403);
  });
});
