"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { markNotificationsReadAction } from "@/lib/notifications/actions.ts";

export function MarkReadForm() {
  const t = useTranslations();
  const [state, action] = useActionState(markNotificationsReadAction, null);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("auth.submitting")} tone="secondary">
        {t("notifications.markRead")}
      </SubmitButton>
    </form>
  );
}
