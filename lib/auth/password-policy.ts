import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// NIST 800-63B: length over composition rules. At least 8 characters, long passphrases
// welcome (up to 256), and none of the ~49,000 most common passwords.
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-policy-limits.ts";

export { PASSWORD_MAX, PASSWORD_MIN };

const common = new Set((dictionary["passwords-common"] as string[]).map((word) => word.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, "passwordTooShort")
  .max(PASSWORD_MAX, "passwordTooLong")
  .refine((password) => !isCommonPassword(password), "passwordCommon");
