"use client";

import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/actions/state.ts";

/** The action's overall outcome: an alert when refused, a status message when done. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state) return null;
  if (!state.ok) {
    return (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
        {state.message}
      </p>
    );
  }
  if (!state.message) return null;
  return (
    <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
      {state.message}
    </p>
  );
}

export function SubmitButton({
  children,
  pendingLabel,
  tone = "primary",
  className = "",
  name,
  value,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  tone?: "primary" | "secondary" | "danger";
  /** Extra classes, e.g. a full-width button on phones. */
  className?: string;
  /** For a form with several buttons: the one pressed sends its name and value. */
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  const tones = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    secondary: "border border-slate-400 bg-white text-slate-800 hover:bg-slate-100",
    danger: "bg-red-800 text-white hover:bg-red-900",
  };
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-70 ${tones[tone]} ${className}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
