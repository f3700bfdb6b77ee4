// The answer of GET /api/health, for load balancers: whether this instance can reach its
// database. Nothing private (no versions, no error text, no session) and never cached.
const HEADERS = { "Cache-Control": "no-store" };

export async function healthResponse(check: () => Promise<unknown>, timeoutMs = 3_000): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return Response.json({ status: "ok" }, { headers: HEADERS });
  } catch (error) {
    // Logged here, for the operator; the answer says only "unavailable".
    console.error(`[ksbb] health check failed: ${String((error as Error)?.message ?? error).split("\n")[0]}`);
    return Response.json({ status: "unavailable" }, { status: 503, headers: HEADERS });
  } finally {
    clearTimeout(timer);
  }
}
