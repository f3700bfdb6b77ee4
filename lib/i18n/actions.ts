"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { currentUser } from "@/lib/auth/guards.ts";
import { db } from "@/lib/db/index.ts";
import { readEnv } from "@/lib/env.ts";
import { cookieOptions, secureCookies } from "@/lib/security/cookies.ts";
import { LOCALES, LOCALE_COOKIE } from "./config.ts";

const localeInput = z.object({ locale: z.enum(LOCALES) });

/** The language switch. Public by design: it only sets the visitor's own cookie. */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = localeInput.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  // HttpOnly: only the server reads it (lib/i18n/request.ts); the switch is a plain form.
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { ...cookieOptions(secureCookies(readEnv())), maxAge: 60 * 60 * 24 * 365 });
  // A signed-in person's choice is also the language of their mails (only their own row).
  const user = await currentUser();
  if (user) await db.user.update({ where: { id: user.id }, data: { locale: parsed.data.locale } });
}

/** The input schema, for the security fuzz tests (defineAction actions carry theirs the same way). */
setLocale.schema = localeInput;
