// Prisma with a driver adapter reports a violated CHECK as a DriverAdapterError whose
// cause carries PostgreSQL's SQLSTATE 23514 and a message naming the constraint (the
// pg and PGlite adapters alike). Rules that code checks first and the database backs
// use this to give the same answer when a race reaches the constraint.

const CHECK_VIOLATION = "23514";

/** The name of the CHECK constraint this error reports, or null when it is another error. */
export function violatedCheck(error: unknown): string | null {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const { code, originalCode, message, constraint, cause } = current as {
      code?: unknown;
      originalCode?: unknown;
      message?: unknown;
      constraint?: unknown;
      cause?: unknown;
    };
    const text = typeof message === "string" ? message : "";
    const named = text.match(/violates check constraint "([^"]+)"/)?.[1];
    if (code === CHECK_VIOLATION || originalCode === CHECK_VIOLATION || named) {
      return (typeof constraint === "string" && constraint) || named || "";
    }
    current = cause;
  }
  return null;
}

const UNIQUE_VIOLATION = "23505";

/**
 * A unique constraint refused the write: Prisma's P2002 for model queries, SQLSTATE 23505
 * in the cause chain for raw SQL through a driver adapter.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const { code, originalCode, message, cause } = current as {
      code?: unknown;
      originalCode?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (code === "P2002" || code === UNIQUE_VIOLATION || originalCode === UNIQUE_VIOLATION) return true;
    if (typeof message === "string" && message.includes("duplicate key value violates unique constraint")) return true;
    current = cause;
  }
  return false;
}
