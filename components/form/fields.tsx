"use client";

import { useId, useState } from "react";
import type { ActionState } from "@/lib/actions/state.ts";

// Form fields that show their server-side error next to them (aria-invalid,
// aria-describedby) and keep what the person typed when the action refused it.

// app/globals.css: one class name instead of a dozen utilities in every form's HTML.
const inputClass = "form-input";
// For forms filled in standing up on a phone (recording a delivery): 48 px targets, and
// 16 px text, below which phone browsers zoom into the field.
const touchClass =
  "max-sm:min-h-12 max-sm:text-base file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:font-semibold file:text-slate-800";

interface FieldProps extends Omit<React.InputHTMLAttributes<HTMLInputElement>, "name"> {
  name: string;
  label: string;
  state: ActionState;
  hint?: string;
  /** Larger on phones: see touchClass. */
  touch?: boolean;
}

export function fieldError(state: ActionState, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

export function echoed(state: ActionState, name: string): string | string[] | undefined {
  return state && !state.ok ? state.values?.[name] : undefined;
}

function Described({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="form-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </>
  );
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

/** The id, error, echoed value and ARIA attributes a field's control needs. */
function useField(state: ActionState, name: string, hint?: string) {
  const id = useId();
  const error = fieldError(state, name);
  const aria = { id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error) } as const;
  return { id, error, previous: echoed(state, name), aria };
}

/** A label above its control, with the hint and the server's error below. */
function Labelled({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {children}
      <Described id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextField({ name, label, state, hint, type = "text", defaultValue, touch, ...rest }: FieldProps) {
  const { id, error, previous, aria } = useField(state, name, hint);
  const kept = type === "password" ? undefined : previous;
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      <input
        {...aria}
        type={type}
        defaultValue={typeof kept === "string" ? kept : defaultValue}
        className={touch ? `${inputClass} ${touchClass}` : inputClass}
        {...rest}
      />
    </Labelled>
  );
}

/**
 * A file input that refuses files over maxBytes as soon as they are chosen: the field's
 * message appears, the choice is cleared, and nothing is uploaded, so the rest of the
 * form stays as typed. The server checks the size again.
 */
export function FileField({
  name,
  label,
  state,
  hint,
  maxBytes,
  tooLarge,
  touch,
  ...rest
}: FieldProps & { maxBytes: number; tooLarge: string }) {
  const { id, error } = useField(state, name, hint);
  const [refused, setRefused] = useState(false);
  const shown = refused ? tooLarge : error;
  return (
    <Labelled id={id} label={label} hint={hint} error={shown}>
      <input
        id={id}
        name={name}
        type="file"
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy(id, hint, shown)}
        className={touch ? `${inputClass} ${touchClass}` : inputClass}
        onChange={(event) => {
          const tooBig = Array.from(event.currentTarget.files ?? []).some((file) => file.size > maxBytes);
          setRefused(tooBig);
          if (tooBig) event.currentTarget.value = "";
        }}
        {...rest}
      />
    </Labelled>
  );
}

interface SelectFieldProps extends Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name"> {
  name: string;
  label: string;
  state: ActionState;
  hint?: string;
  children: React.ReactNode;
}

export function SelectField({ name, label, state, hint, defaultValue, children, ...rest }: SelectFieldProps) {
  const { id, error, previous, aria } = useField(state, name, hint);
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      <select
        // React applies a select's defaultValue only when it mounts: remount it to show the echoed choice.
        key={JSON.stringify(previous ?? defaultValue ?? "")}
        {...aria}
        defaultValue={previous ?? defaultValue}
        className={inputClass}
        {...rest}
      >
        {children}
      </select>
    </Labelled>
  );
}

export function CheckboxField({
  name,
  label,
  state,
  hint,
  defaultChecked,
}: {
  name: string;
  label: string;
  state: ActionState;
  hint?: string;
  defaultChecked?: boolean;
}) {
  const id = useId();
  const previous = state && !state.ok ? state.values?.[name] === "on" : defaultChecked;
  return (
    <div className="flex gap-3">
      <input
        key={String(previous)}
        id={id}
        name={name}
        type="checkbox"
        defaultChecked={previous}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-1 size-4 accent-brand-700"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <Described id={id} hint={hint} />
      </div>
    </div>
  );
}

interface TextAreaFieldProps extends Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name"> {
  name: string;
  label: string;
  state: ActionState;
  hint?: string;
}

export function TextAreaField({ name, label, state, hint, defaultValue, rows = 3, ...rest }: TextAreaFieldProps) {
  const { id, error, previous, aria } = useField(state, name, hint);
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      <textarea
        {...aria}
        rows={rows}
        defaultValue={typeof previous === "string" ? previous : defaultValue}
        className={inputClass}
        {...rest}
      />
    </Labelled>
  );
}
