"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signOutAction } from "@/lib/accounts/actions.ts";

export function SignOutButton() {
  const t = useTranslations("auth");
  const [, action, pending] = useActionState(signOutAction, null);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
        {t("signOut")}
      </button>
    </form>
  );
}
