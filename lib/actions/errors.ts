import type { ErrorCode } from "./state.ts";

export interface ActionErrorOptions {
  /** ICU arguments of the message and field messages, e.g. { pledged: 40 }. */
  params?: Record<string, string | number>;
  /** Form values to send back instead of what was posted, e.g. the current version after a stale edit. */
  values?: Record<string, string>;
}

/**
 * A refusal a rule decides on (duplicate e-mail, stale version…), shown to the user next to the field.
 * Message keys are under "validation"; a key with a dot ("needAdmin.errors.x") is a full path,
 * so a feature can keep its messages in its own namespace.
 */
export class ActionError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly fieldErrors?: Record<string, string>,
    readonly options: ActionErrorOptions = {},
  ) {
    super(messageKey);
  }
}
