import { z } from "zod";
import { email, personName } from "@/lib/accounts/schema.ts";
import { newPasswordSchema } from "@/lib/auth/password-policy.ts";

const id = z.string().regex(/^[a-z0-9_]{1,64}$/i, "invalid");
export const ROLES = ["DONOR", "AGGREGATOR", "CITY_STAFF", "ADMIN"] as const;

export const createStaffSchema = z.object({
  name: personName,
  email,
  organisationId: id,
  role: z.enum(["CITY_STAFF", "ADMIN"], "required"),
  temporaryPassword: newPasswordSchema,
});

export const changeRoleSchema = z.object({ userId: id, role: z.enum(ROLES, "required") });
export const setUserActiveSchema = z.object({ userId: id, active: z.enum(["true", "false"]).transform((value) => value === "true") });
