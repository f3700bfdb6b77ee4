"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/define.ts";
import { changeRoleSchema, createStaffSchema, setUserActiveSchema } from "./schema.ts";
import * as users from "./service.ts";

const ADMIN = { roles: ["ADMIN"] } as const;

async function done(key: "staffCreated" | "roleChanged" | "activeChanged") {
  revalidatePath("/admin/pengguna");
  return { ok: true as const, message: (await getTranslations("admin"))(key) };
}

export const createStaffAction = defineAction({
  access: ADMIN,
  schema: createStaffSchema,
  async run(input, caller) {
    await users.createStaff(caller, input);
    return done("staffCreated");
  },
});

export const changeRoleAction = defineAction({
  access: ADMIN,
  schema: changeRoleSchema,
  async run(input, caller) {
    await users.changeRole(caller, input.userId, input.role);
    return done("roleChanged");
  },
});

export const setUserActiveAction = defineAction({
  access: ADMIN,
  schema: setUserActiveSchema,
  async run(input, caller) {
    await users.setUserActive(caller, input.userId, input.active);
    return done("activeChanged");
  },
});
