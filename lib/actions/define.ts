import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { currentUser, GuardError, requireRole, requireUser, type Caller } from "@/lib/auth/guards.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { hasBidiControl } from "@/lib/input/text.ts";
import { ActionError } from "./errors.ts";
import type { ActionState } from "./state.ts";

// One guarded action client for every server action: the guard runs first, then zod
// validates the form on the server, then the handler. Errors come back translated,
// with each field's message and the values the person typed (never passwords), so
// nothing is lost when input is bad. Unexpected errors are logged, never shown.

export type Access = "public" | "user" | { roles: readonly Role[] };

export { ActionError };

interface ActionConfig<S extends z.ZodType, C> {
  access: Access;
  schema: S;
  run: (input: z.infer<S>, caller: C) => Promise<ActionState>;
}

type CallerFor<A extends Access> = A extends "public" ? Caller | null : Caller;

/** The action's metadata, read by the authorization-matrix test and the security fuzz tests. */
export interface GuardedAction {
  (previous: ActionState, formData: FormData): Promise<ActionState>;
  access: Access;
  schema: z.ZodType;
}

const SECRET_FIELDS = /password|token/i;

export function defineAction<S extends z.ZodType, A extends Access>(config: ActionConfig<S, CallerFor<A>> & { access: A }): GuardedAction {
  const action = async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const t = await getTranslations("actionErrors");
    const values = echoValues(formData);
    try {
      const caller = await authorize(config.access);
      const parsed = config.schema.safeParse(formInput(formData));
      if (!parsed.success) {
        return { ok: false, code: "INVALID", message: t("INVALID"), fieldErrors: await translateIssues(parsed.error.issues), values };
      }
      const forbidden = forbiddenCharacter(parsed.data);
      if (forbidden) {
        return {
          ok: false,
          code: "INVALID",
          message: t("INVALID"),
          fieldErrors: { [forbidden.field]: (await getTranslations("validation"))(forbidden.key) },
          values,
        };
      }
      return await config.run(parsed.data, caller as CallerFor<A>);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof GuardError) return { ok: false, code: error.code, message: t(error.code), values };
      if (error instanceof ActionError) {
        const translate = await messageTranslator();
        const { params, values: override } = error.options;
        const fieldErrors =
          error.fieldErrors && Object.fromEntries(Object.entries(error.fieldErrors).map(([field, key]) => [field, translate(key, params)]));
        return {
          ok: false,
          code: error.code,
          message: translate(error.messageKey, params),
          fieldErrors,
          values: { ...values, ...override },
        };
      }
      console.error("[action] unexpected error", error);
      return { ok: false, code: "ERROR", message: t("ERROR"), values };
    }
  };
  return Object.assign(action, { access: config.access, schema: config.schema });
}

async function authorize(access: Access): Promise<Caller | null> {
  if (access === "public") return currentUser();
  if (access === "user") return requireUser();
  return requireRole(...access.roles);
}

/**
 * FormData to a plain object; a name given several times becomes an array. No prototype:
 * a field named "__proto__" sent twice would otherwise become the object's prototype.
 */
export function formInput(formData: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = Object.create(null);
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key);
    input[key] = key.endsWith("[]") || all.length > 1 ? all : all[0];
  }
  return input;
}

/**
 * Characters no form field may carry, whatever its schema says: NUL (PostgreSQL cannot store
 * it in text) and bidirectional controls (they make stored text read differently on screen).
 * Passwords are never shown, so only NUL is refused there.
 */
function forbiddenCharacter(input: unknown): { field: string; key: "invalid" | "bidiControl" } | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  for (const [field, value] of Object.entries(input)) {
    const texts = [value].flat().filter((v): v is string => typeof v === "string");
    if (texts.some((text) => text.includes("\u0000"))) return { field, key: "invalid" };
    if (!SECRET_FIELDS.test(field) && texts.some(hasBidiControl)) return { field, key: "bidiControl" };
  }
  return undefined;
}

function echoValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(formInput(formData))) {
    if (SECRET_FIELDS.test(key)) continue;
    if (typeof value === "string") values[key] = value.slice(0, 5_000);
    else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === "string").slice(0, 500);
  }
  return values;
}

/** Translates a message key under "validation", or a full dotted path into another namespace. */
export async function messageTranslator() {
  const [root, validation] = await Promise.all([getTranslations(), getTranslations("validation")]);
  return (key: string, params?: Record<string, string | number>): string =>
    key.includes(".") && root.has(key as never) ? root(key as never, params as never) : validation(key as never, params as never);
}

async function translateIssues(issues: z.core.$ZodIssue[]): Promise<Record<string, string>> {
  const [t, translate] = await Promise.all([getTranslations(), messageTranslator()]);
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    if (fieldErrors[field]) continue;
    const known = issue.message.includes(".") ? t.has(issue.message as never) : t.has(`validation.${issue.message}` as never);
    const key = known ? issue.message : defaultKey(issue);
    fieldErrors[field] = translate(key, {
      min: "minimum" in issue ? String(issue.minimum) : "",
      max: "maximum" in issue ? String(issue.maximum) : "",
    });
  }
  return fieldErrors;
}

function defaultKey(issue: z.core.$ZodIssue): string {
  if (issue.code === "too_small") return issue.origin === "string" && issue.minimum === 1 ? "required" : "tooSmall";
  if (issue.code === "too_big") return "tooBig";
  if (issue.code === "invalid_type") return "required";
  return "invalid";
}
