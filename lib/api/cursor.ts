import { z } from "zod";

// Opaque page cursors: base64url of {v, l, k}: the format version, the list the cursor
// belongs to (a needs cursor is refused by /regions) and the sort key of the last row
// sent. Lists are ordered by a unique key, and the next page starts strictly after it,
// so every row is sent exactly once even while rows are being added.

const CURSOR_VERSION = 1;
export const CURSOR_MAX_LENGTH = 300;

const payload = z.object({ v: z.literal(CURSOR_VERSION), l: z.string(), k: z.string().min(1).max(200) }).strict();

export function encodeCursor(list: string, key: string): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, l: list, k: key }), "utf8").toString("base64url");
}

/** The sort key inside a cursor, or null when the token is not a cursor of this list. */
export function decodeCursor(list: string, token: string, keyPattern: RegExp): string | null {
  if (token.length > CURSOR_MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  try {
    const parsed = payload.safeParse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data.l !== list || !keyPattern.test(parsed.data.k)) return null;
    return parsed.data.k;
  } catch {
    // Not base64url JSON: a cursor this API never issued, answered like any other bad one.
    return null;
  }
}
