"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { changeRoleAction, createStaffAction, setUserActiveAction } from "@/lib/users/actions.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";

export function CreateStaffForm({ offices }: { offices: { id: string; name: string }[] }) {
  const t = useTranslations();
  const [state, action] = useActionState(createStaffAction, null);
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
      <TextField name="name" label={t("admin.name")} state={state} required maxLength={120} />
      <TextField name="email" type="email" label={t("auth.email")} state={state} required maxLength={254} />
      <SelectField name="organisationId" label={t("admin.office")} state={state} required defaultValue="">
        <option value="" disabled>
          —
        </option>
        {offices.map((office) => (
          <option key={office.id} value={office.id}>
            {office.name}
          </option>
        ))}
      </SelectField>
      <SelectField name="role" label={t("admin.role")} state={state} defaultValue="CITY_STAFF">
        <option value="CITY_STAFF">{t("account.roles.CITY_STAFF")}</option>
        <option value="ADMIN">{t("account.roles.ADMIN")}</option>
      </SelectField>
      <TextField
        name="temporaryPassword"
        type="password"
        label={t("admin.temporaryPassword")}
        hint={t("auth.passwordHint")}
        state={state}
        required
        autoComplete="new-password"
      />
      <div className="self-end">
        <SubmitButton pendingLabel={t("auth.submitting")}>{t("admin.create")}</SubmitButton>
      </div>
    </form>
  );
}

export function ChangeRoleForm({ userId, userName, role, roles }: { userId: string; userName: string; role: Role; roles: Role[] }) {
  const t = useTranslations();
  const [state, action] = useActionState(changeRoleAction, null);
  return (
    <form action={action} className="flex items-end gap-2" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <SelectField name="role" label={`${t("admin.role")}: ${userName}`} state={state} defaultValue={role}>
        {roles.map((option) => (
          <option key={option} value={option}>
            {t(`account.roles.${option}`)}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel={t("auth.submitting")} tone="secondary">
        {t("admin.changeRole")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function SetActiveForm({ userId, active }: { userId: string; active: boolean }) {
  const t = useTranslations();
  const [state, action] = useActionState(setUserActiveAction, null);
  return (
    <form action={action} noValidate>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <SubmitButton pendingLabel={t("auth.submitting")} tone={active ? "danger" : "secondary"}>
        {active ? t("admin.deactivate") : t("admin.reactivate")}
      </SubmitButton>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-800">
          {state.message}
        </p>
      )}
    </form>
  );
}
