// What every server action returns; forms read it with useActionState.
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "SUSPENDED"
  | "SECOND_FACTOR_REQUIRED"
  | "INVALID"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "ERROR";

export type ActionState =
  | { ok: true; message?: string; data?: Record<string, string> }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      fieldErrors?: Record<string, string>;
      values?: Record<string, string | string[]>;
      /** Problems in an uploaded file, by line (the CSV import). */
      lines?: LineProblems[];
      /** How many lines have problems in all, when only the first ones are listed. */
      linesTotal?: number;
    }
  | null;

export interface LineProblems {
  line: number;
  messages: string[];
}
