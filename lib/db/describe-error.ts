// Turns a connection failure into one line a person can act on.
export function describeDbError(error: unknown, databaseUrl?: string): string {
  const err = error as { code?: string; message?: string; errors?: unknown[] };
  const where = databaseUrl ? safeTarget(databaseUrl) : "the embedded database";
  switch (err.code) {
    case "ECONNREFUSED":
      return `cannot reach PostgreSQL at ${where}: connection refused (is the server running?)`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot reach PostgreSQL at ${where}: unknown host`;
    case "ETIMEDOUT":
      return `cannot reach PostgreSQL at ${where}: connection timed out`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} refused the user name or password`;
    case "3D000":
      return `PostgreSQL at ${where}: the database does not exist (create it first)`;
    default: {
      // AggregateError (IPv4 and IPv6 both refused) carries the codes inside.
      const inner = err.errors?.[0];
      if (inner) return describeDbError(inner, databaseUrl);
      const message = (err.message ?? String(error)).split("\n")[0];
      return `database at ${where} failed: ${message}`;
    }
  }
}

/** host:port/database without the password. */
function safeTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    // Not a URL at all: name the variable rather than echo a value that may hold a password.
    return "DATABASE_URL";
  }
}
