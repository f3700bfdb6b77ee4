import type { ErrorCode } from "./state.ts";

/** A refusal a rule decides on (duplicate e-mail, stale version…), shown to the user next to the field. */
export class ActionError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(messageKey);
  }
}
