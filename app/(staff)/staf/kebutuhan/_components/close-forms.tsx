"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { echoed, fieldError, TextAreaField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { closeNeedAction, reopenNeedAction } from "@/lib/needs/actions.ts";

type OpenPledges = Partial<Record<"SUBMITTED" | "APPROVED" | "SCHEDULED" | "IN_DELIVERY", number>>;

/** Closing asks what to do with pledges still on their way, when there are any. */
export function CloseNeedForm({ id, version, openPledges }: { id: string; version: number; openPledges: OpenPledges }) {
  const t = useTranslations("needAdmin");
  const tAuth = useTranslations("auth");
  const [state, action] = useActionState(closeNeedAction, null);
  const legendId = useId();
  const open = Object.values(openPledges).reduce((sum, count) => sum + count, 0);
  const cancellable = open - (openPledges.IN_DELIVERY ?? 0);
  const chosen = echoed(state, "pledges");
  const choiceError = fieldError(state, "pledges");
  const echoedVersion = echoed(state, "version");
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={typeof echoedVersion === "string" ? echoedVersion : String(version)} />
      {open > 0 && (
        <fieldset
          aria-describedby={choiceError ? `${legendId}-error` : undefined}
          aria-invalid={choiceError ? true : undefined}
          className="space-y-2"
        >
          <legend id={legendId} className="text-sm font-semibold text-slate-800">
            {t("pledgesLegend", { count: open })}
          </legend>
          <label className="flex gap-3 text-sm">
            <input
              key={`keep-${String(chosen)}`}
              type="radio"
              name="pledges"
              value="keep"
              defaultChecked={chosen === "keep"}
              className="mt-1 size-4 accent-brand-700"
            />
            <span>{t("keepPledges")}</span>
          </label>
          <label className="flex gap-3 text-sm">
            <input
              key={`cancel-${String(chosen)}`}
              type="radio"
              name="pledges"
              value="cancel"
              defaultChecked={chosen === "cancel"}
              disabled={cancellable === 0}
              className="mt-1 size-4 accent-brand-700"
            />
            <span>
              {t("cancelPledges", { count: cancellable })}
              {(openPledges.IN_DELIVERY ?? 0) > 0 && (
                <span className="block text-xs text-slate-600">{t("inDeliveryStays", { count: openPledges.IN_DELIVERY ?? 0 })}</span>
              )}
            </span>
          </label>
          {choiceError && (
            <p id={`${legendId}-error`} className="text-sm font-medium text-red-800">
              {choiceError}
            </p>
          )}
        </fieldset>
      )}
      <TextAreaField
        name="reason"
        label={t("reason")}
        hint={open > 0 ? t("reasonHintCancel") : t("reasonHint")}
        state={state}
        rows={2}
        maxLength={1000}
      />
      <SubmitButton pendingLabel={tAuth("submitting")} tone="danger">
        {t("closeSubmit")}
      </SubmitButton>
    </form>
  );
}

export function ReopenNeedForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("needAdmin");
  const tAuth = useTranslations("auth");
  const [state, action] = useActionState(reopenNeedAction, null);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={String(version)} />
      <SubmitButton pendingLabel={tAuth("submitting")}>{t("reopenSubmit")}</SubmitButton>
    </form>
  );
}
