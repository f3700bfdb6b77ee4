"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALES, LOCALE_COOKIE } from "./config.ts";

const localeInput = z.object({ locale: z.enum(LOCALES) });

/** The language switch. Public by design: it only sets the visitor's own cookie. */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = localeInput.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
    secure: process.env.NODE_ENV === "production" && process.env.KSBB_INSECURE_COOKIES !== "1",
  });
}
