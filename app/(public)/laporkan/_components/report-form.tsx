"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextAreaField, TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { useFormAction } from "@/components/form/use-form-action.ts";
import { fileReportAction } from "@/lib/reports/actions.ts";
import { REPORT_CATEGORIES, type ReportSubjectKind } from "@/lib/reports/constants.ts";

export function ReportForm({ subjectKind, subjectId }: { subjectKind: ReportSubjectKind; subjectId: string }) {
  const t = useTranslations("reports");
  const tAuth = useTranslations("auth");
  const [state, action] = useFormAction(fileReportAction);
  // Sent: the confirmation with the reference replaces the form, so it is not sent twice.
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <form action={action} className="space-y-4 card p-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="subjectKind" value={subjectKind} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <SelectField name="category" label={t("category")} state={state} defaultValue="" required>
        <option value="" disabled>
          {t("chooseCategory")}
        </option>
        {REPORT_CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {t(`categories.${category}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        name="description"
        label={t("description")}
        hint={t("descriptionHint")}
        state={state}
        rows={5}
        required
        maxLength={2000}
      />
      <TextField name="contact" label={t("contact")} hint={t("contactHint")} state={state} maxLength={200} autoComplete="email" />
      {/* The honeypot: hidden from people and from assistive technology; robots fill it in. */}
      <div aria-hidden="true" className="hidden">
        <label>
          {t("honeypot")}
          <input type="text" name="website" tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      <SubmitButton pendingLabel={tAuth("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
