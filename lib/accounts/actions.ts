"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { AuthError } from "next-auth";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions/define.ts";
import { signIn, signOut } from "@/lib/auth/config.ts";
import { takeRateLimit } from "@/lib/auth/rate-limit.ts";
import { GuardError, STAFF_ROLES, requireUser } from "@/lib/auth/guards.ts";
import { confirmEnrolment, needsSecondFactor } from "@/lib/auth/second-factor.ts";
import { revokeUserSessions } from "@/lib/auth/session-store.ts";
import { readEnv } from "@/lib/env.ts";
import { challengeCookie, secureCookies } from "@/lib/security/cookies.ts";
import { clientIpFrom } from "@/lib/http/client-ip.ts";
import { db } from "@/lib/db/index.ts";
import { requestMailSoon } from "@/lib/jobs/request.ts";
import {
  acceptInvitationSchema,
  aggregatorRegistrationSchema,
  changePasswordSchema,
  donorRegistrationSchema,
  invitationSchema,
  organisationProfileSchema,
  profileSchema,
  safeNextPath,
  secondFactorSchema,
  signInSchema,
  staffMailSchema,
} from "./schema.ts";
import * as accounts from "./service.ts";

const REGISTRATIONS_PER_IP_PER_HOUR = 5;
/** Where every registration ends, whether or not the address already had an account. */
const CHECK_EMAIL = "/daftar/periksa-email";

async function requestIp(): Promise<string> {
  return clientIpFrom(await headers()) ?? "unknown";
}

async function limitRegistrations() {
  if (!(await takeRateLimit(`register:ip:${await requestIp()}`, REGISTRATIONS_PER_IP_PER_HOUR, 60 * 60 * 1000))) {
    throw new ActionError("RATE_LIMITED", "tooManyRegistrations");
  }
}

/**
 * Signs the new or returning user in and sends them on; Auth.js redirects by throwing.
 * Staff with a second factor go on to /masuk/kode, carrying `next` along.
 */
async function signInAndGo(credentials: Record<string, string>, next: string) {
  try {
    await signIn("credentials", { ...credentials, redirectTo: next });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "second-factor") redirect(`/masuk/kode?next=${encodeURIComponent(next)}`);
      if (code === "second-factor-wrong") throw new ActionError("UNAUTHENTICATED", "auth.codeWrong", { code: "auth.codeWrong" });
      if (code === "locked") throw new ActionError("RATE_LIMITED", "accountLocked");
      if (code === "limited") throw new ActionError("RATE_LIMITED", "tooManySignIns");
      if (code === "busy") throw new ActionError("RATE_LIMITED", "serverBusy");
      throw credentials.challenge
        ? new ActionError("INVALID", "auth.challengeExpired")
        : new ActionError("UNAUTHENTICATED", "signInFailed");
    }
    throw error;
  }
  return { ok: true } as const;
}

/** A new account is signed in; a taken address (null) gets the same page, signed out. */
async function afterRegistration(user: unknown, email: string, password: string, next?: string) {
  requestMailSoon();
  // The page says where the confirmation link leads; the same for a taken address.
  const checkEmail = next ? `${CHECK_EMAIL}?next=${encodeURIComponent(next)}` : CHECK_EMAIL;
  if (!user) redirect(checkEmail);
  return signInAndGo({ email, password }, checkEmail);
}

export const registerDonorAction = defineAction({
  access: "public",
  schema: donorRegistrationSchema,
  async run(input) {
    await limitRegistrations();
    const next = input.next ? safeNextPath(input.next) : undefined;
    const user = await accounts.registerDonor(input, next, await getLocale());
    return afterRegistration(user, input.email, input.password, next);
  },
});

export const registerAggregatorAction = defineAction({
  access: "public",
  schema: aggregatorRegistrationSchema,
  async run(input) {
    await limitRegistrations();
    const user = await accounts.registerAggregator(input, await getLocale());
    return afterRegistration(user, input.email, input.password);
  },
});

export const signInAction = defineAction({
  access: "public",
  schema: signInSchema,
  run: (input) => signInAndGo({ email: input.email, password: input.password }, safeNextPath(input.next)),
});

export const secondFactorSignInAction = defineAction({
  access: "public",
  schema: secondFactorSchema,
  async run(input) {
    const challenge = (await cookies()).get(challengeCookie(secureCookies(readEnv())).name)?.value;
    if (!challenge) throw new ActionError("INVALID", "auth.challengeExpired");
    return signInAndGo({ challenge, code: input.code }, safeNextPath(input.next));
  },
});

export const enrolSecondFactorAction = defineAction({
  access: "public",
  schema: secondFactorSchema,
  async run(input) {
    // The one action open to staff who have not enrolled yet.
    const caller = await requireUser({ allowEnrolment: true });
    if (!needsSecondFactor(caller.role)) throw new GuardError("FORBIDDEN");
    const codes = await confirmEnrolment(caller, input.code);
    if (!codes) throw new ActionError("INVALID", "auth.codeWrong", { code: "auth.codeWrong" });
    // No revalidation: the page would re-render as "enabled" and drop the codes shown once.
    return { ok: true, data: { recoveryCodes: codes.join(" "), next: safeNextPath(input.next) } };
  },
});

export const signOutAction = defineAction({
  access: "public",
  schema: z.object({}),
  async run() {
    await signOut({ redirectTo: "/" });
    return { ok: true };
  },
});

export const updateProfileAction = defineAction({
  access: "user",
  schema: profileSchema,
  async run(input, caller) {
    await db.user.update({ where: { id: caller.id }, data: { name: input.name } });
    revalidatePath("/akun");
    return { ok: true, message: (await getTranslations("account"))("saved") };
  },
});

export const updateStaffMailAction = defineAction({
  access: { roles: STAFF_ROLES },
  schema: staffMailSchema,
  async run(input, caller) {
    await db.user.update({ where: { id: caller.id }, data: { staffMail: input.staffMail } });
    revalidatePath("/akun");
    return { ok: true, message: (await getTranslations("account"))("saved") };
  },
});

export const updateOrganisationAction = defineAction({
  access: "user",
  schema: organisationProfileSchema,
  async run(input, caller) {
    // Only the caller's own organisation: the id never comes from the form.
    await db.organisation.update({
      where: { id: caller.organisationId },
      data: { name: input.organisationName, contactPhone: input.phone ?? null, showPublicly: input.showPublicly },
    });
    revalidatePath("/akun");
    return { ok: true, message: (await getTranslations("account"))("saved") };
  },
});

export const changePasswordAction = defineAction({
  access: "user",
  schema: changePasswordSchema,
  async run(input, caller) {
    await accounts.changePassword(caller, input.currentPassword, input.password);
    return { ok: true, message: (await getTranslations("account"))("passwordChanged") };
  },
});

export const signOutEverywhereAction = defineAction({
  access: "user",
  schema: z.object({}),
  async run(_input, caller) {
    // Every session of the caller ends, this one too; then the cookie goes as well.
    await revokeUserSessions(caller.id);
    await signOut({ redirectTo: "/masuk?keluar=semua" });
    return { ok: true };
  },
});

export const inviteMemberAction = defineAction({
  access: "user",
  schema: invitationSchema,
  async run(input, caller) {
    const token = await accounts.inviteMember(caller, input.email);
    revalidatePath("/akun");
    return { ok: true, message: (await getTranslations("account"))("invitationCreated"), data: { link: `/undangan/${token}` } };
  },
});

export const acceptInvitationAction = defineAction({
  access: "public",
  schema: acceptInvitationSchema,
  async run(input) {
    const user = await accounts.acceptInvitation(input.token, input.name, input.password);
    return signInAndGo({ email: user.email, password: input.password }, "/akun?welcome=1");
  },
});
