"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define.ts";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { createProgramSchema, updateProgramSchema } from "./schema.ts";
import * as programs from "./service.ts";

const STAFF = { roles: STAFF_ROLES };

export const createProgramAction = defineAction({
  access: STAFF,
  schema: createProgramSchema,
  async run(input, caller) {
    const program = await programs.createProgram(caller, input);
    revalidatePath("/staf/program");
    redirect(`/staf/program?berubah=created&program=${program.id}`);
  },
});

export const updateProgramAction = defineAction({
  access: STAFF,
  schema: updateProgramSchema,
  async run(input, caller) {
    await programs.updateProgram(caller, input);
    revalidatePath("/staf/program");
    revalidatePath("/kebutuhan");
    redirect(`/staf/program?berubah=updated&program=${input.id}`);
  },
});
