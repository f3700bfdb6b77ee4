"use client";

import { useActionState } from "react";
import { unstable_rethrow } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/state.ts";

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * useActionState for a server action, except that a submission that never got an answer
 * (network down, or a body the proxy refused with 413) comes back as a refusal carrying what
 * was typed, instead of the error page replacing the form. Redirects still navigate.
 */
export function useFormAction(action: FormAction) {
  const t = useTranslations("form");
  return useActionState(async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    try {
      return await action(previous, formData);
    } catch (error) {
      unstable_rethrow(error);
      return { ok: false, code: "ERROR", message: t("notSent"), values: typedValues(formData) };
    }
  }, null);
}

function typedValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION") || /password|token/i.test(key)) continue;
    const texts = formData.getAll(key).filter((value): value is string => typeof value === "string");
    if (texts.length) values[key] = key.endsWith("[]") || texts.length > 1 ? texts : texts[0]!;
  }
  return values;
}
