"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { changePledgeStatusAction } from "@/lib/pledges/actions.ts";

/** One click from the inbox: the pledge's status change to confirmed, with the version shown, then back to the inbox. */
export function ConfirmDelivery({ pledgeId, version, reference }: { pledgeId: string; version: number; reference: string }) {
  const t = useTranslations("pledge");
  const tAuth = useTranslations("auth");
  const [state, action] = useActionState(changePledgeStatusAction, null);
  return (
    <form action={action} className="space-y-2" noValidate>
      <input type="hidden" name="pledgeId" value={pledgeId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="to" value="CONFIRMED" />
      <input type="hidden" name="returnTo" value="inbox" />
      <SubmitButton pendingLabel={tAuth("submitting")}>
        {t("action.CONFIRMED")}
        <span className="sr-only"> {reference}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
