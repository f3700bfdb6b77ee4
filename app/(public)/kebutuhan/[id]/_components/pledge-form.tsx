"use client";

import { useActionState, useEffect, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { createPledgeAction } from "@/lib/pledges/actions.ts";

interface PledgeFormProps {
  needId: string;
  unitLabel: string;
  remaining: number;
  today: string;
  deadline: string;
  deadlineLabel: string;
  aggregators: { id: string; name: string; deliveryCapacity: number | null; _count: { serviceAreas: number } }[];
  /** A fresh key per page view: the same form sent twice creates one pledge. */
  idempotencyKey: string;
}

export function PledgeForm({ needId, unitLabel, remaining, today, deadline, deadlineLabel, aggregators, idempotencyKey }: PledgeFormProps) {
  const t = useTranslations("pledge");
  const tAuth = useTranslations("auth");
  const [state, action] = useActionState(createPledgeAction, null);
  const router = useRouter();
  const created = state?.ok ? state.data?.href : undefined;
  // A created pledge opens its own page, which confirms it and shows the next steps.
  useEffect(() => {
    if (created) router.push(created);
  }, [created, router]);
  const [mode, setMode] = useState<"DIRECT" | "AGGREGATOR">(aggregators.length ? "AGGREGATOR" : "DIRECT");
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {created && (
        <p className="text-sm">
          <Link href={created} className="font-semibold text-brand-700 underline">
            {t("openCreated")}
          </Link>
        </p>
      )}
      <input type="hidden" name="needId" value={needId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <TextField
        name="quantity"
        type="number"
        inputMode="numeric"
        min={1}
        max={remaining}
        step={1}
        required
        label={t("quantity", { unit: unitLabel })}
        hint={t("quantityHint", { max: remaining })}
        state={state}
      />
      <SelectField
        name="deliveryMode"
        label={t("deliveryMode")}
        state={state}
        defaultValue={mode}
        onChange={(event) => setMode(event.currentTarget.value as "DIRECT" | "AGGREGATOR")}
      >
        <option value="AGGREGATOR" disabled={!aggregators.length}>
          {t("modeAGGREGATOR")}
        </option>
        <option value="DIRECT">{t("modeDIRECT")}</option>
      </SelectField>
      {mode === "AGGREGATOR" && aggregators.length > 0 && (
        <>
          {/* Nothing is chosen for the donor: the aggregator is their choice, made knowing who they are. */}
          <SelectField name="aggregatorId" label={t("aggregator")} hint={t("aggregatorHint")} state={state} defaultValue="" required>
            <option value="" disabled>
              {t("chooseAggregator")}
            </option>
            {aggregators.map((aggregator) => (
              <option key={aggregator.id} value={aggregator.id}>
                {aggregator.name}
              </option>
            ))}
          </SelectField>
          <details className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
            <summary className="cursor-pointer font-medium text-brand-700">{t("whoAreAggregators", { count: aggregators.length })}</summary>
            <ul className="mt-2 space-y-1 text-slate-700">
              {aggregators.map((aggregator) => (
                <li key={aggregator.id}>
                  <span className="font-medium text-ink">{aggregator.name}</span>
                  {" · "}
                  {t("aggregatorServes", { count: aggregator._count.serviceAreas })}
                  {aggregator.deliveryCapacity ? ` · ${t("aggregatorCapacity", { count: aggregator.deliveryCapacity })}` : ""}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
      {!aggregators.length && <p className="text-sm text-slate-700">{t("noAggregators")}</p>}
      <TextField
        name="plannedDeliveryOn"
        type="date"
        min={today}
        max={deadline}
        required
        label={t("plannedDeliveryOn")}
        hint={t("plannedHint", { deadline: deadlineLabel })}
        state={state}
      />
      <TextField name="note" label={t("note")} state={state} maxLength={1000} />
      <SubmitButton pendingLabel={tAuth("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
