"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { echoed, fieldError, SelectField } from "@/components/form/fields.tsx";
import { SubmitButton } from "@/components/form/form-status.tsx";
import { useFormAction } from "@/components/form/use-form-action.ts";
import { importNeedsAction } from "@/lib/needs/actions.ts";

interface Props {
  programs: { id: string; name: string; open: boolean }[];
  maxBytes: number;
  limits: { maxRows: string; maxMb: number };
}

/** Program, status and file; a refused file comes back as a report naming every bad line. */
export function ImportForm({ programs, maxBytes, limits }: Props) {
  const t = useTranslations("needImport");
  const tStatus = useTranslations("needStatus");
  const [state, action] = useFormAction(importNeedsAction);
  const [tooBig, setTooBig] = useState(false);
  const echoedProgram = echoed(state, "programId");
  const [programId, setProgramId] = useState(
    typeof echoedProgram === "string" ? echoedProgram : programs.length === 1 ? programs[0]!.id : "",
  );
  const fileId = useId();
  const fileError = tooBig ? t("problems.tooLarge", { maxMb: limits.maxMb }) : fieldError(state, "file");
  const failed = state && !state.ok ? state : null;
  return (
    <form
      action={action}
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        if (tooBig) event.preventDefault();
      }}
    >
      {failed && (
        <div role="alert" className="space-y-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          <p className="font-semibold">{failed.message}</p>
          {failed.lines && failed.lines.length > 0 && (
            <>
              <h3 className="font-semibold">{t("report.heading")}</h3>
              <ul className="max-h-[28rem] space-y-1 overflow-y-auto">
                {failed.lines.map((line) => (
                  <li key={line.line}>
                    <span className="font-semibold">{t("report.line", { line: line.line })}:</span> {line.messages.join(" ")}
                  </li>
                ))}
              </ul>
              {(failed.linesTotal ?? 0) > failed.lines.length && (
                <p>{t("report.more", { count: (failed.linesTotal ?? 0) - failed.lines.length })}</p>
              )}
            </>
          )}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="programId"
          label={t("program")}
          state={state}
          defaultValue={programId}
          required
          onChange={(event) => setProgramId(event.currentTarget.value)}
        >
          <option value="" disabled>
            {t("chooseProgram")}
          </option>
          {programs.map((program) => (
            <option key={program.id} value={program.id}>
              {program.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="status" label={t("status")} hint={t("statusHint")} state={state} defaultValue="OPEN">
          <option value="OPEN">{tStatus("OPEN")}</option>
          <option value="DRAFT">{tStatus("DRAFT")}</option>
        </SelectField>
      </div>
      <div>
        <label htmlFor={fileId} className="form-label">
          {t("file")}
        </label>
        <input
          id={fileId}
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          onChange={(event) => setTooBig((event.currentTarget.files?.[0]?.size ?? 0) > maxBytes)}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ""}`}
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium aria-invalid:border-red-700"
        />
        <p id={`${fileId}-hint`} className="mt-1 text-xs text-slate-600">
          {t("fileHint", limits)}
        </p>
        {fileError && (
          <p id={`${fileId}-error`} className="mt-1 text-sm font-medium text-red-800">
            {fileError}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
        <a
          href={`/staf/kebutuhan/impor/template.csv${programId ? `?program=${encodeURIComponent(programId)}` : ""}`}
          download
          className="text-sm font-medium text-brand-700 hover:underline"
        >
          {t("template")}
        </a>
      </div>
    </form>
  );
}
