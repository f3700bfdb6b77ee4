import type { ActionState } from "@/lib/actions/state.ts";

// Server actions say "done, go there" by throwing Next.js's redirect error, whose digest
// reads "NEXT_REDIRECT;<type>;<location>;<status>;". Tests read that as a result.

/** The redirect's digest when the error is a Next.js redirect, otherwise undefined. */
export function redirectDigest(error: unknown): string | undefined {
  const digest = String((error as { digest?: unknown } | null)?.digest ?? "");
  return digest.startsWith("NEXT_REDIRECT") ? digest : undefined;
}

export function isRedirect(error: unknown): boolean {
  return redirectDigest(error) !== undefined;
}

/** An action's result; a redirect is ok, with where it went. */
export type Outcome = ActionState | { ok: true; location: string | undefined };

/** Awaits an action: its answer, or { ok: true, location } when it redirected. Other errors are thrown on. */
export async function settle(result: Promise<ActionState>): Promise<Outcome> {
  try {
    return await result;
  } catch (error) {
    const digest = redirectDigest(error);
    if (digest === undefined) throw error;
    return { ok: true, location: digest.split(";")[2] };
  }
}
