import type { Role } from "@/lib/generated/prisma/enums.ts";

// Guard outcomes and role groups, apart from the session code so that scripts and
// rules can use them without loading Auth.js.

export class GuardError extends Error {
  constructor(readonly code: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "SUSPENDED" | "SECOND_FACTOR_REQUIRED") {
    super(code);
  }
}

/** Records that belong to someone else answer as if they did not exist. */
export class NotFoundError extends GuardError {
  constructor() {
    super("NOT_FOUND");
  }
}

export const STAFF_ROLES: Role[] = ["CITY_STAFF", "ADMIN"];
