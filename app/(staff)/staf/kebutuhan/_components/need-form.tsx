"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { echoed, SelectField, TextAreaField, TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import type { ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { NeedPriority } from "@/lib/generated/prisma/enums.ts";
import { createNeedAction, updateNeedAction } from "@/lib/needs/actions.ts";
import { DESCRIPTION_MAX, ITEM_MAX, MAX_QUANTITY } from "@/lib/needs/limits.ts";
import { CATEGORIES } from "@/lib/programs/categories.ts";

export interface ProgramChoice {
  id: string;
  name: string;
  category: ProgramCategory;
  open: boolean;
}

export interface KecamatanGroup {
  code: string;
  name: string;
  kota: string;
  kelurahan: { code: string; name: string }[];
}

export interface NeedFormValues {
  id?: string;
  version?: number;
  programId: string;
  kelurahanCode: string;
  rw?: number | null;
  item?: string;
  description?: string | null;
  unit?: string;
  targetQuantity?: number;
  beneficiaryCount?: number;
  beneficiaryKind?: string;
  deadline?: string;
  priority: string;
  status: string;
}

interface Props {
  programs: ProgramChoice[];
  regions: KecamatanGroup[];
  initial: NeedFormValues;
  today: string;
  /** Pledges exist: program, kelurahan and unit stay as they are. */
  locked?: { program: string; kelurahan: string; unit: string };
  /** The status is still the person's choice (new, a draft, or open with no pledges). */
  statusEditable: boolean;
  pledged?: number;
}

export function NeedForm({ programs, regions, initial, today, locked, statusEditable, pledged = 0 }: Props) {
  const t = useTranslations("needAdmin");
  const tUnit = useTranslations("unit");
  const tPriority = useTranslations("priority");
  const tStatus = useTranslations("needStatus");
  const tAuth = useTranslations("auth");
  const editing = Boolean(initial.id);
  const [state, action] = useActionState(editing ? updateNeedAction : createNeedAction, null);
  const echoedProgram = echoed(state, "programId");
  const [programId, setProgramId] = useState(typeof echoedProgram === "string" ? echoedProgram : initial.programId);
  const category = programs.find((program) => program.id === programId)?.category;
  const units = category ? CATEGORIES[category].units : [];
  const kinds = category ? CATEGORIES[category].beneficiaryKinds : [];
  const version = echoed(state, "version");

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
          <input type="hidden" name="version" value={typeof version === "string" ? version : String(initial.version)} />
        </>
      )}
      {locked ? (
        <div className="space-y-1 rounded-md bg-slate-50 p-3 text-sm sm:col-span-2">
          <input type="hidden" name="programId" value={initial.programId} />
          <input type="hidden" name="kelurahanCode" value={initial.kelurahanCode} />
          <input type="hidden" name="unit" value={initial.unit} />
          <p>
            <span className="text-slate-600">{t("fields.program")}: </span>
            <span className="font-medium">{locked.program}</span>
          </p>
          <p>
            <span className="text-slate-600">{t("fields.kelurahan")}: </span>
            <span className="font-medium">{locked.kelurahan}</span>
          </p>
          <p>
            <span className="text-slate-600">{t("fields.unit")}: </span>
            <span className="font-medium">{locked.unit}</span>
          </p>
          <p className="text-xs text-slate-600">{t("lockedHint")}</p>
        </div>
      ) : (
        <>
          <SelectField
            name="programId"
            label={t("fields.program")}
            state={state}
            defaultValue={initial.programId}
            required
            onChange={(event) => setProgramId(event.currentTarget.value)}
          >
            <option value="" disabled>
              {t("chooseProgram")}
            </option>
            {programs.map((program) => (
              <option key={program.id} value={program.id}>
                {program.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            name="kelurahanCode"
            label={t("fields.kelurahan")}
            hint={t("kelurahanHint")}
            state={state}
            defaultValue={initial.kelurahanCode}
            required
          >
            <option value="" disabled>
              {t("chooseKelurahan")}
            </option>
            {regions.map((group) => (
              <optgroup key={group.code} label={`${group.name} · ${group.kota}`}>
                {group.kelurahan.map((kelurahan) => (
                  <option key={kelurahan.code} value={kelurahan.code}>
                    {kelurahan.name} ({kelurahan.code})
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        </>
      )}
      <TextField
        name="item"
        label={t("fields.item")}
        hint={t("itemHint")}
        state={state}
        defaultValue={initial.item}
        required
        maxLength={ITEM_MAX}
      />
      <TextField
        name="rw"
        type="number"
        inputMode="numeric"
        min={1}
        max={99}
        label={t("fields.rw")}
        hint={t("rwHint")}
        state={state}
        defaultValue={initial.rw ?? ""}
      />
      {!locked && (
        <SelectField
          key={`unit-${programId}`}
          name="unit"
          label={t("fields.unit")}
          hint={t("unitHint")}
          state={state}
          defaultValue={initial.unit ?? units[0] ?? ""}
          required
        >
          {units.length === 0 && <option value="">{t("chooseProgramFirst")}</option>}
          {units.map((unit) => (
            <option key={unit} value={unit}>
              {tUnit(unit, { count: 2 })} ({unit})
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        name="targetQuantity"
        type="number"
        inputMode="numeric"
        min={Math.max(1, pledged)}
        max={MAX_QUANTITY}
        label={t("fields.targetQuantity")}
        hint={pledged > 0 ? t("targetHint", { pledged }) : undefined}
        state={state}
        defaultValue={initial.targetQuantity ?? ""}
        required
      />
      <TextField
        name="beneficiaryCount"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_QUANTITY}
        label={t("fields.beneficiaryCount")}
        hint={t("beneficiaryHint")}
        state={state}
        defaultValue={initial.beneficiaryCount ?? ""}
        required
      />
      <SelectField
        key={`kind-${programId}`}
        name="beneficiaryKind"
        label={t("fields.beneficiaryKind")}
        state={state}
        defaultValue={initial.beneficiaryKind ?? kinds[0] ?? ""}
        required
      >
        {kinds.length === 0 && <option value="">{t("chooseProgramFirst")}</option>}
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kinds.${kind}`)} ({kind})
          </option>
        ))}
      </SelectField>
      <TextField
        name="deadline"
        type="date"
        min={today}
        label={t("fields.deadline")}
        state={state}
        defaultValue={initial.deadline}
        required
      />
      <SelectField name="priority" label={tPriority("label")} state={state} defaultValue={initial.priority}>
        {Object.values(NeedPriority).map((priority) => (
          <option key={priority} value={priority}>
            {tPriority(priority)}
          </option>
        ))}
      </SelectField>
      {statusEditable ? (
        <SelectField name="status" label={t("fields.status")} hint={t("statusHint")} state={state} defaultValue={initial.status}>
          <option value="OPEN">{tStatus("OPEN")}</option>
          <option value="DRAFT">{tStatus("DRAFT")}</option>
        </SelectField>
      ) : (
        <div>
          <p className="text-sm font-medium text-slate-800">{t("fields.status")}</p>
          <p className="mt-1 text-sm">{tStatus(initial.status as "OPEN")}</p>
          <p className="mt-1 text-xs text-slate-600">{t("statusLocked")}</p>
        </div>
      )}
      <div className="sm:col-span-2">
        <TextAreaField
          name="description"
          label={t("fields.description")}
          hint={t("descriptionHint")}
          state={state}
          defaultValue={initial.description ?? ""}
          maxLength={DESCRIPTION_MAX}
        />
      </div>
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={tAuth("submitting")}>{editing ? t("save") : t("create")}</SubmitButton>
      </div>
    </form>
  );
}
