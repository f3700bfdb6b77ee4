"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { registerAggregatorAction } from "@/lib/accounts/actions.ts";
import { NewPasswordFields } from "@/components/form/new-password-fields.tsx";

interface KecamatanGroup {
  code: string;
  name: string;
  kota: string;
  kelurahan: { code: string; name: string }[];
}

export function AggregatorRegistrationForm({ regions }: { regions: KecamatanGroup[] }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(registerAggregatorAction, null);
  return (
    <form action={action} className="space-y-4 card p-6" noValidate>
      <FormMessage state={state} />
      <TextField name="organisationName" label={t("organisationName")} state={state} required maxLength={160} autoComplete="organization" />
      <TextField name="name" label={t("contactName")} state={state} required maxLength={120} autoComplete="name" />
      <TextField name="email" type="email" label={t("email")} state={state} required maxLength={254} autoComplete="email" />
      <TextField name="phone" type="tel" label={t("phone")} state={state} required maxLength={20} autoComplete="tel" />
      <SelectField
        name="kelurahan[]"
        label={t("kelurahan")}
        hint={t("kelurahanHint")}
        state={state}
        multiple
        size={10}
        defaultValue={[]}
        required
      >
        {regions.map((kecamatan) => (
          <optgroup key={kecamatan.code} label={`${kecamatan.name} (${kecamatan.kota})`}>
            {kecamatan.kelurahan.map((kelurahan) => (
              <option key={kelurahan.code} value={kelurahan.code}>
                {kelurahan.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <TextField
        name="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={1_000_000}
        step={1}
        label={t("capacity")}
        state={state}
        required
      />
      <NewPasswordFields state={state} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submitRegister")}</SubmitButton>
    </form>
  );
}
