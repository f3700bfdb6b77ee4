import { isIP } from "node:net";

// Who is asking, for the per-address limits. The production server (server.ts) works it
// out once per request and passes it on in CLIENT_IP_HEADER, overwriting whatever the
// client sent in that header. X-Forwarded-For is believed only as far as the operator
// says proxies stand in front (TRUSTED_PROXY_HOPS): anyone can write that header.

export const CLIENT_IP_HEADER = "x-ksbb-client-ip";

/**
 * The client's address: the socket's peer with no trusted proxy; behind N trusted
 * proxies, the address the outermost of them saw (the Nth entry from the right of
 * X-Forwarded-For, as each proxy appends the address it was called from).
 */
export function resolveClientIp(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string | null {
  const peer = normalise(remoteAddress);
  if (trustedHops <= 0) return peer;
  const chain = [forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return peer;
  return normalise(chain[Math.max(0, chain.length - trustedHops)]) ?? peer;
}

/** The address server.ts found, or null (next dev, tests without a request). */
export function clientIpFrom(headers: Pick<Headers, "get"> | undefined): string | null {
  return normalise(headers?.get(CLIENT_IP_HEADER) ?? undefined);
}

function normalise(address: string | undefined): string | null {
  if (!address) return null;
  const plain = address.startsWith("::ffff:") ? address.slice(7) : address;
  return isIP(plain) ? plain : null;
}
