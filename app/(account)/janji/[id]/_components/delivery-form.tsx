"use client";

import { useTranslations } from "next-intl";
import { FileField, TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { useFormAction } from "@/components/form/use-form-action.ts";
import { EARLIEST_DATE } from "@/lib/dates.ts";
import { recordDeliveryAction } from "@/lib/pledges/actions.ts";
import { MAX_PHOTO_BYTES } from "@/lib/pledges/limits.ts";

export function DeliveryForm({
  pledgeId,
  version,
  remaining,
  today,
  planned,
}: {
  pledgeId: string;
  version: number;
  remaining: number;
  today: string;
  planned: string;
}) {
  const t = useTranslations("pledge");
  const tAuth = useTranslations("auth");
  const [state, action] = useFormAction(recordDeliveryAction);
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
      <input type="hidden" name="pledgeId" value={pledgeId} />
      <input type="hidden" name="version" value={version} />
      <TextField
        name="deliveredOn"
        type="date"
        min={EARLIEST_DATE}
        max={today}
        defaultValue={planned < today ? planned : today}
        required
        touch
        label={t("deliveredOn")}
        state={state}
      />
      <TextField
        name="quantity"
        type="number"
        inputMode="numeric"
        min={1}
        max={remaining}
        step={1}
        defaultValue={String(remaining)}
        required
        touch
        label={t("deliveryQuantity", { remaining })}
        state={state}
      />
      <TextField
        name="recipientGroup"
        label={t("recipientGroup")}
        hint={t("recipientGroupHint")}
        required
        maxLength={120}
        touch
        state={state}
      />
      <TextField name="recipientCount" type="number" inputMode="numeric" min={1} step={1} label={t("recipientCount")} touch state={state} />
      <div className="sm:col-span-2">
        <TextField name="notes" label={t("deliveryNotes")} maxLength={2000} touch state={state} />
      </div>
      <div className="sm:col-span-2">
        <FileField
          name="photos[]"
          accept="image/jpeg,image/png"
          multiple
          label={t("photosLabel")}
          hint={t("photosHint")}
          maxBytes={MAX_PHOTO_BYTES}
          tooLarge={t("photoTooLarge")}
          touch
          state={state}
        />
      </div>
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={tAuth("submitting")} className="max-sm:min-h-12 max-sm:w-full max-sm:text-base">
          {t("recordDelivery")}
        </SubmitButton>
      </div>
    </form>
  );
}
