import type { ParamDoc } from "./params.ts";

// The errors a public API request can meet. Each carries a stable machine code; the
// human message is chosen by Accept-Language when the response is written (respond.ts).

export type ApiErrorCode = "invalid_parameters" | "not_found" | "method_not_allowed" | "internal_error";

export type ParamProblemCode =
  "unknown_parameter" | "repeated_parameter" | "invalid_value" | "invalid_cursor" | "unknown_program" | "within_level";

export interface ParamProblem {
  parameter: string;
  problem: ParamProblemCode;
  /** What the parameter accepts, for the "expected …" part of the message. */
  doc?: ParamDoc;
}

const STATUS: Record<ApiErrorCode, number> = {
  invalid_parameters: 400,
  not_found: 404,
  method_not_allowed: 405,
  internal_error: 500,
};

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    readonly problems: ParamProblem[] = [],
    readonly method?: string,
  ) {
    super(code);
    this.status = STATUS[code];
  }
}

/** A 400 for one parameter whose value is well-formed but not acceptable (e.g. an unknown program). */
export function invalidParameter(parameter: string, problem: ParamProblemCode, doc?: ParamDoc): ApiError {
  return new ApiError("invalid_parameters", [{ parameter, problem, doc }]);
}
