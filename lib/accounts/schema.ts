import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-policy.ts";
import { shownText, wholeNumber } from "@/lib/input/schema.ts";
import { DONOR_KINDS } from "./kinds.ts";

// Registration and profile inputs, shared by the forms and the server actions.
// Messages are keys of the "validation" messages, translated by lib/actions/define.ts.

export const personName = shownText(z.string().trim().min(2, "nameTooShort").max(120, "tooBig"));
export const organisationName = shownText(z.string().trim().min(2, "nameTooShort").max(160, "tooBig"));
export const email = z.string().trim().toLowerCase().max(254, "tooBig").pipe(z.email("emailInvalid"));
export const phone = z
  .string()
  .trim()
  // +62 or 0, then 7 to 16 digits, spaces and dashes: "0812-3456-7890", "+62 21 5550 9999".
  .regex(/^(\+62|0)[ -]?[0-9][0-9 -]{6,15}$/, "phoneInvalid")
  // Stored as E.164 (+62…), however it was written, so one number is one value.
  .transform((value) => `+62${value.replace(/[ -]/g, "").replace(/^(\+62|0)/, "")}`);
const optionalPhone = z.union([z.literal("").transform(() => undefined), phone]).optional();
const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");
export const kelurahanCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "unknownKelurahan");

const passwords = z.object({ password: newPasswordSchema, passwordConfirm: z.string().max(1024) });
const matchingPasswords = <T extends { password: string; passwordConfirm: string }>(value: T, ctx: z.RefinementCtx) => {
  if (value.password !== value.passwordConfirm) ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "passwordMismatch" });
};

export const donorRegistrationSchema = z
  .object({
    kind: z.enum(DONOR_KINDS, "required"),
    organisationName: z.string().trim().max(160, "tooBig").optional(),
    name: personName,
    email,
    phone: optionalPhone,
    showPublicly: checkbox,
    next: z.string().max(500, "tooBig").optional(),
  })
  .extend(passwords.shape)
  .superRefine(matchingPasswords)
  .superRefine((value, ctx) => {
    if (value.kind === "INDIVIDUAL") return;
    const parsed = organisationName.safeParse(value.organisationName ?? "");
    if (!parsed.success)
      ctx.addIssue({ code: "custom", path: ["organisationName"], message: parsed.error.issues[0]?.message ?? "required" });
  });

export const aggregatorRegistrationSchema = z
  .object({
    organisationName,
    name: personName,
    email,
    phone,
    "kelurahan[]": z.array(kelurahanCode, "kelurahanRequired").min(1, "kelurahanRequired").max(267, "tooBig"),
    capacity: wholeNumber({ max: 1_000_000 }),
  })
  .extend(passwords.shape)
  .superRefine(matchingPasswords);

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "required").max(1024, "tooBig"),
  next: z.string().optional(),
});

export const profileSchema = z.object({ name: personName, phone: optionalPhone });

/** Staff: a mail for each notice, or the daily digest. */
export const staffMailSchema = z.object({ staffMail: z.enum(["IMMEDIATE", "DAILY_DIGEST"], "invalid") });

export const organisationProfileSchema = z.object({ organisationName, phone: optionalPhone, showPublicly: checkbox });

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "required").max(1024, "tooBig") })
  .extend(passwords.shape)
  .superRefine(matchingPasswords);

export const invitationSchema = z.object({ email });

export const acceptInvitationSchema = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "invitationInvalid"), name: personName })
  .extend(passwords.shape)
  .superRefine(matchingPasswords);

const linkToken = (message: string) => z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, message);

export const passwordResetRequestSchema = z.object({ email });

export const passwordResetSchema = z
  .object({ token: linkToken("resetLinkInvalid") })
  .extend(passwords.shape)
  .superRefine(matchingPasswords);

export const emailConfirmationSchema = z.object({ token: linkToken("confirmLinkInvalid"), next: z.string().max(500, "tooBig").optional() });

export const resendConfirmationSchema = z.object({ next: z.string().max(500, "tooBig").optional() });

/** Only same-site paths, so ?next= cannot send someone to another site after sign-in. */
export function safeNextPath(next: string | undefined, fallback = "/akun"): string {
  return next && /^\/(?![/\\])[\w\-./?=&%#]*$/.test(next) ? next : fallback;
}

/** A code from the authenticator app (6 digits) or a recovery code (XXXX-XXXX). */
export const secondFactorSchema = z.object({
  code: z.string().trim().min(1, "required").max(20, "auth.codeWrong"),
  next: z.string().optional(),
});
