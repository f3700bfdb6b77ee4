"use client";

import { useActionState } from "react";
import { signOutAction } from "@/lib/accounts/actions.ts";

// The label comes from the server (the header), so the header needs no client translations.
export function SignOutButton({ label }: { label: string }) {
  const [, action, pending] = useActionState(signOutAction, null);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
        {label}
      </button>
    </form>
  );
}
