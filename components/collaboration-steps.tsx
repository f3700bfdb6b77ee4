import { useFormatter, useTranslations } from "next-intl";
import type { CollaborationStepRow } from "@/lib/collaborations/queries.ts";

/** A collaboration's steps from its audit trail, oldest first, each with its reason (for the partner and for staff). */
export function CollaborationSteps({ steps }: { steps: CollaborationStepRow[] }) {
  const t = useTranslations("collaborations");
  const format = useFormatter();
  const label = (step: CollaborationStepRow) => {
    if (step.action === "collaboration.proposed") return t("own.step.proposed");
    if (step.action === "collaboration.routed") return t("own.step.routed");
    return t(`status.${step.toStatus as "AGREED"}`);
  };
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-semibold text-brand-700">{t("own.steps")}</summary>
      <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-4">
        {steps.map((step, index) => (
          <li key={index}>
            <span className="font-medium">{label(step)}</span>{" "}
            <span className="text-xs text-slate-600">
              {format.dateTime(step.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" })}
            </span>
            {step.reason && <p className="whitespace-pre-line text-slate-800">{step.reason}</p>}
          </li>
        ))}
      </ol>
    </details>
  );
}
