import { z } from "zod";
import { shownText } from "@/lib/input/schema.ts";
import { MAX_LOGO_BYTES, PUBLIC_DESCRIPTION_MAX, WEBSITE_MAX } from "./limits.ts";

const WEBSITE_INVALID = "account.publicProfile.errors.websiteInvalid";
const LOGO_TOO_LARGE = "account.publicProfile.errors.logoTooLarge";

const organisationId = z.string().regex(/^[a-z0-9_]{1,64}$/i, "invalid");
const reason = shownText(z.string().trim().min(5, "reasonTooShort").max(1000, "tooBig"));

/** The queue the decision was made from, to return to it. */
const status = z.enum(["PENDING", "VERIFIED", "REJECTED", "SUSPENDED"]).catch("PENDING");

export const organisationDecisionSchema = z.object({ organisationId, status });
export const organisationDecisionWithReasonSchema = z.object({ organisationId, status, reason });

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
// "contoh.or.id" is a web address too: without a scheme, https:// is meant. Any other
// scheme (javascript:, data:, ftp:) is kept, and then refused.
const withScheme = (value: unknown) => {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (/^https?:\/\//i.test(trimmed)) return trimmed.replace(/^https?/i, (scheme) => scheme.toLowerCase());
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
};

/**
 * The public profile an organisation's members edit on /akun. Empty fields are stored as
 * nothing (null). The organisation is always the caller's own: no id comes from the form.
 */
export const publicProfileSchema = z.object({
  publicDescription: z
    .preprocess(blankToUndefined, shownText(z.string().trim().max(PUBLIC_DESCRIPTION_MAX, "tooBig").optional()))
    .transform((value) => value ?? null),
  website: z
    .preprocess(
      (value) => withScheme(blankToUndefined(value)),
      z
        .string()
        .max(WEBSITE_MAX, "tooBig")
        .regex(/^https?:\/\/\S+$/, WEBSITE_INVALID)
        .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: WEBSITE_INVALID }))
        .optional(),
    )
    .transform((value) => value ?? null),
  // A file input left empty still sends an empty file.
  logo: z
    .instanceof(File)
    .optional()
    .transform((file) => (file && file.size > 0 ? file : undefined))
    .refine((file) => !file || file.size <= MAX_LOGO_BYTES, LOGO_TOO_LARGE),
});
export type PublicProfileInput = z.infer<typeof publicProfileSchema>;

export const removeLogoSchema = z.object({});
