"use client";

import { useId } from "react";
import type { ActionState } from "@/lib/actions/state.ts";
import { fieldError } from "./fields.tsx";

/** The required "reason" text of a decision (reject, cancel, suspend), marked as required, with its error. */
export function ReasonField({ label, requiredMark, state }: { label: string; requiredMark: string; state: ActionState }) {
  const id = useId();
  const error = fieldError(state, "reason");
  return (
    <div>
      <label htmlFor={id} className="form-label">
        {label} <span className="font-normal text-slate-600">({requiredMark})</span>
      </label>
      <textarea
        id={id}
        name="reason"
        rows={2}
        maxLength={1000}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm aria-invalid:border-red-700"
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
