"use client";

import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { useFormAction } from "@/components/form/use-form-action.ts";
import { changeReportStatusAction } from "@/lib/reports/actions.ts";
import { REPORT_TRANSITIONS, type ReportStatusName } from "@/lib/reports/constants.ts";

/** Review, resolve or reject one report; closing needs a reply for the reporter. */
export function ReportDecision({ reportId, status, reference }: { reportId: string; status: ReportStatusName; reference: string }) {
  const t = useTranslations("reports.queue");
  const [state, action] = useFormAction(changeReportStatusAction);
  const next = REPORT_TRANSITIONS[status];
  return (
    <form action={action} className="space-y-3" noValidate aria-label={reference}>
      <FormMessage state={state} />
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="from" value={status} />
      <TextAreaField name="reply" label={t("reply")} hint={t("replyHint")} state={state} rows={3} maxLength={2000} />
      <div className="flex flex-wrap gap-2">
        {next.includes("IN_REVIEW") && (
          <SubmitButton name="to" value="IN_REVIEW" tone="secondary" pendingLabel={t("startReview")}>
            {t("startReview")}
          </SubmitButton>
        )}
        <SubmitButton name="to" value="RESOLVED" pendingLabel={t("resolve")}>
          {t("resolve")}
        </SubmitButton>
        <SubmitButton name="to" value="REJECTED" tone="danger" pendingLabel={t("reject")}>
          {t("reject")}
        </SubmitButton>
      </div>
    </form>
  );
}
