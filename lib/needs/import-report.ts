import "server-only";
import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/actions/state.ts";
import { IMPORT_MAX_BYTES, IMPORT_MAX_REPORTED_LINES, type ImportCheck, type Problem } from "./import.ts";

type Failure = Extract<ImportCheck, { ok: false }>;

/** The import's refusal in the reader's language: what is wrong with the file, or with which lines. */
export async function importReport(failure: Failure, values: Record<string, string>): Promise<ActionState> {
  const t = await getTranslations("needImport");
  const say = (problem: Problem) => t(`problems.${problem.code}` as never, (problem.params ?? {}) as never);
  if (failure.file.length > 0) {
    return { ok: false, code: "INVALID", message: failure.file.map(say).join(" "), values };
  }
  const lines = failure.lines
    .slice(0, IMPORT_MAX_REPORTED_LINES)
    .map((report) => ({ line: report.line, messages: report.problems.map(say) }));
  return {
    ok: false,
    code: "INVALID",
    message: t("report.summary", { count: failure.lines.length }),
    lines,
    linesTotal: failure.lines.length,
    values,
  };
}

/** Refuses an oversized upload before reading it. */
export function tooLarge(): Failure {
  return { ok: false, file: [{ code: "tooLarge", params: { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 } }], lines: [] };
}
