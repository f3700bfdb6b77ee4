"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { echoed, SelectField, TextAreaField, TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import type { ProgramCategory, ProgramStatus } from "@/lib/generated/prisma/enums.ts";
import { CATEGORIES, CATEGORY_KEYS } from "@/lib/programs/categories.ts";
import { createProgramAction, updateProgramAction } from "@/lib/programs/actions.ts";
import { ACTIVE_PROGRAM_STATUSES } from "@/lib/programs/statuses.ts";

export interface ProgramFormValues {
  id?: string;
  seen?: string;
  slug?: string;
  category: ProgramCategory;
  nameId?: string;
  nameEn?: string;
  descriptionId?: string;
  descriptionEn?: string;
  startsOn: string;
  endsOn: string;
  ownerOrganisationId?: string;
  status: ProgramStatus;
}

/** Create or edit a program; the status choices follow the category (planned categories stay planned). */
export function ProgramForm({
  offices,
  initial,
  categoryLocked = false,
}: {
  offices: { id: string; name: string }[];
  initial: ProgramFormValues;
  categoryLocked?: boolean;
}) {
  const t = useTranslations("programAdmin");
  const tCategory = useTranslations("category");
  const tAuth = useTranslations("auth");
  const editing = Boolean(initial.id);
  const [state, action] = useActionState(editing ? updateProgramAction : createProgramAction, null);
  const echoedCategory = echoed(state, "category");
  const [category, setCategory] = useState<ProgramCategory>(
    (typeof echoedCategory === "string" && echoedCategory in CATEGORIES ? echoedCategory : initial.category) as ProgramCategory,
  );
  const planned = !CATEGORIES[category].active;
  const statuses: readonly ProgramStatus[] = planned ? ["PLANNED"] : ACTIVE_PROGRAM_STATUSES;
  const seen = echoed(state, "seen");
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
      {state && (
        <div className="sm:col-span-2">
          <FormMessage state={state} />
        </div>
      )}
      {editing && (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="seen" value={typeof seen === "string" ? seen : initial.seen} />
        </>
      )}
      {categoryLocked ? (
        <div>
          <input type="hidden" name="category" value={initial.category} />
          <p className="text-sm font-medium text-slate-800">{t("fields.category")}</p>
          <p className="mt-1 text-sm">{tCategory(`${initial.category}.name`)}</p>
          <p className="mt-1 text-xs text-slate-600">{t("categoryLockedHint")}</p>
        </div>
      ) : (
        <SelectField
          name="category"
          label={t("fields.category")}
          hint={t("categoryHint")}
          state={state}
          defaultValue={initial.category}
          onChange={(event) => setCategory(event.currentTarget.value as ProgramCategory)}
        >
          {CATEGORY_KEYS.map((key) => (
            <option key={key} value={key}>
              {tCategory(`${key}.name`)}
              {CATEGORIES[key].active ? "" : ` ${t("plannedSuffix")}`}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        key={category}
        name="status"
        label={t("fields.status")}
        state={state}
        defaultValue={statuses.includes(initial.status) ? initial.status : statuses[0]}
      >
        {statuses.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </SelectField>
      <TextField name="nameId" label={t("fields.nameId")} state={state} defaultValue={initial.nameId} required maxLength={200} lang="id" />
      <TextField name="nameEn" label={t("fields.nameEn")} state={state} defaultValue={initial.nameEn} required maxLength={200} lang="en" />
      <TextAreaField
        name="descriptionId"
        label={t("fields.descriptionId")}
        state={state}
        defaultValue={initial.descriptionId}
        required
        maxLength={4000}
        lang="id"
      />
      <TextAreaField
        name="descriptionEn"
        label={t("fields.descriptionEn")}
        state={state}
        defaultValue={initial.descriptionEn}
        required
        maxLength={4000}
        lang="en"
      />
      <TextField name="startsOn" type="date" label={t("fields.startsOn")} state={state} defaultValue={initial.startsOn} required />
      <TextField
        name="endsOn"
        type="date"
        label={t("fields.endsOn")}
        hint={t("endsOnHint")}
        state={state}
        defaultValue={initial.endsOn}
        required
      />
      <SelectField
        name="ownerOrganisationId"
        label={t("fields.owner")}
        state={state}
        defaultValue={initial.ownerOrganisationId ?? ""}
        required
      >
        <option value="" disabled>
          {t("chooseOwner")}
        </option>
        {offices.map((office) => (
          <option key={office.id} value={office.id}>
            {office.name}
          </option>
        ))}
      </SelectField>
      <div>
        <p className="text-sm font-medium text-slate-800">{t("fields.slug")}</p>
        <p className="mt-1 font-mono text-sm text-slate-700">{initial.slug ?? "—"}</p>
        <p className="mt-1 text-xs text-slate-600">{t("slugHint")}</p>
      </div>
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={tAuth("submitting")}>{editing ? t("save") : t("create")}</SubmitButton>
      </div>
    </form>
  );
}
