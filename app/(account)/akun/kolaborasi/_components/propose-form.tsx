"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextAreaField, TextField } from "@/components/form/fields.tsx";
import { FormMessage, SubmitButton } from "@/components/form/form-status.tsx";
import { useFormAction } from "@/components/form/use-form-action.ts";
import { proposeCollaborationAction } from "@/lib/collaborations/actions.ts";
import { JDCN_TOPICS, TEXT_MAX, TITLE_MAX } from "@/lib/collaborations/constants.ts";

export interface Place {
  code: string;
  name: string;
  kelurahan: { code: string; name: string }[];
}

/** A verified partner proposes a JDCN collaboration; the form stays filled in when something is refused. */
export function ProposeForm({ places }: { places: Place[] }) {
  const t = useTranslations("collaborations.form");
  const tTopics = useTranslations("collaborations.topics");
  const tAuth = useTranslations("auth");
  const [state, action] = useFormAction(proposeCollaborationAction);
  // Each success gets a fresh form (the key), so the next proposal starts empty.
  return (
    <form key={state?.ok ? state.message : "form"} action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField name="title" label={t("title")} hint={t("titleHint")} state={state} required maxLength={TITLE_MAX} />
      <SelectField name="topic" label={t("topic")} state={state} defaultValue="" required>
        <option value="" disabled>
          {t("chooseTopic")}
        </option>
        {JDCN_TOPICS.map((topic) => (
          <option key={topic} value={topic}>
            {tTopics(topic)}
          </option>
        ))}
      </SelectField>
      <SelectField name="regionCode" label={t("place")} hint={t("placeHint")} state={state} defaultValue="">
        <option value="">{t("allJakarta")}</option>
        {places.map((kota) => (
          <optgroup key={kota.code} label={kota.name}>
            <option value={kota.code}>{t("kotaOption", { name: kota.name })}</option>
            {kota.kelurahan.map((kelurahan) => (
              <option key={kelurahan.code} value={kelurahan.code}>
                {kelurahan.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <TextAreaField name="offer" label={t("offer")} hint={t("offerHint")} state={state} rows={4} required maxLength={TEXT_MAX} />
      <TextAreaField name="askOfCity" label={t("askOfCity")} hint={t("askHint")} state={state} rows={4} required maxLength={TEXT_MAX} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="startsOn" type="date" label={t("startsOn")} hint={t("timelineHint")} state={state} required />
        <TextField name="endsOn" type="date" label={t("endsOn")} state={state} required />
      </div>
      <SubmitButton pendingLabel={tAuth("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
