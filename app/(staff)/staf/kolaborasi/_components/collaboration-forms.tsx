"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextAreaField, TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { useFormAction } from "@/components/form/use-form-action.ts";
import { routeCollaborationAction, stepCollaborationAction } from "@/lib/collaborations/actions.ts";
import { COLLABORATION_STEPS, MOU_MAX, TEXT_MAX, type CollaborationStatusName } from "@/lib/collaborations/constants.ts";

/** Staff pass a collaboration to the city office in charge (until it is agreed). */
export function RouteForm({
  collaborationId,
  reference,
  offices,
  officeId,
}: {
  collaborationId: string;
  reference: string;
  offices: { id: string; name: string }[];
  officeId: string | null;
}) {
  const t = useTranslations("collaborations.queue");
  const [state, action] = useFormAction(routeCollaborationAction);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate aria-label={`${t("routeTo")}: ${reference}`}>
      <FormMessage state={state} />
      <input type="hidden" name="collaborationId" value={collaborationId} />
      <div className="min-w-64 flex-1">
        <SelectField name="officeId" label={t("routeTo")} state={state} defaultValue={officeId ?? ""} required>
          <option value="" disabled>
            {t("chooseOffice")}
          </option>
          {offices.map((office) => (
            <option key={office.id} value={office.id}>
              {office.name}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton tone="secondary" pendingLabel={t("route")}>
        {t("route")}
      </SubmitButton>
    </form>
  );
}

/** The owning office takes the next step, with a reason; agreeing needs the MoU's number and date. */
export function StepForm({
  collaborationId,
  reference,
  status,
}: {
  collaborationId: string;
  reference: string;
  status: CollaborationStatusName;
}) {
  const t = useTranslations("collaborations.queue");
  const [state, action] = useFormAction(stepCollaborationAction);
  const next = COLLABORATION_STEPS[status];
  return (
    <form action={action} className="space-y-3" noValidate aria-label={`${t("stepTitle")}: ${reference}`}>
      <FormMessage state={state} />
      <input type="hidden" name="collaborationId" value={collaborationId} />
      <input type="hidden" name="from" value={status} />
      <TextAreaField name="reason" label={t("reason")} hint={t("reasonHint")} state={state} rows={3} required maxLength={TEXT_MAX} />
      {next.includes("AGREED") && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField name="mouReference" label={t("mouReference")} hint={t("mouHint")} state={state} maxLength={MOU_MAX} />
          <TextField name="mouSignedOn" type="date" label={t("mouSignedOn")} state={state} />
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        {next.map((to) => (
          <SubmitButton
            key={to}
            name="to"
            value={to}
            tone={to === "DECLINED" ? "danger" : undefined}
            pendingLabel={t(`moveTo.${to as "AGREED"}`)}
          >
            {t(`moveTo.${to as "AGREED"}`)}
          </SubmitButton>
        ))}
      </div>
    </form>
  );
}
