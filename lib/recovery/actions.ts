"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/define.ts";
import { clientIpFrom } from "@/lib/http/client-ip.ts";
import { requestMailSoon } from "@/lib/jobs/request.ts";
import { confirmEmail, requestPasswordReset, resendEmailConfirmation, resetPassword } from "./service.ts";
import {
  emailConfirmationSchema,
  passwordResetRequestSchema,
  passwordResetSchema,
  resendConfirmationSchema,
  safeNextPath,
} from "@/lib/accounts/schema.ts";

/** The reset request answers no sooner than this, so a known address takes as long as an unknown one. */
const RESET_REQUEST_ANSWER_MS = 500;

export const requestPasswordResetAction = defineAction({
  access: "public",
  schema: passwordResetRequestSchema,
  async run(input) {
    const started = Date.now();
    await requestPasswordReset(input.email, clientIpFrom(await headers()) ?? "unknown");
    requestMailSoon();
    const wait = started + RESET_REQUEST_ANSWER_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return { ok: true, message: (await getTranslations("auth"))("reset.requestSent") };
  },
});

export const resetPasswordAction = defineAction({
  access: "public",
  schema: passwordResetSchema,
  async run(input) {
    await resetPassword(input.token, input.password);
    redirect("/masuk?sandi=baru");
  },
});

export const confirmEmailAction = defineAction({
  access: "public",
  schema: emailConfirmationSchema,
  async run(input) {
    await confirmEmail(input.token);
    revalidatePath("/akun");
    redirect(input.next ? safeNextPath(input.next) : "/akun?terkonfirmasi=1");
  },
});

export const resendConfirmationAction = defineAction({
  access: "user",
  schema: resendConfirmationSchema,
  async run(input, caller) {
    const sent = await resendEmailConfirmation(caller.id, input.next ? safeNextPath(input.next) : undefined);
    requestMailSoon();
    return { ok: true, message: (await getTranslations("auth"))(sent ? "confirm.sent" : "confirm.alreadyConfirmed") };
  },
});
