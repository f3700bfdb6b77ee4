"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define.ts";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requestMailSoon } from "@/lib/jobs/request.ts";
import { IMPORT_MAX_BYTES } from "./import.ts";
import { importReport, tooLarge } from "./import-report.ts";
import * as needs from "./service.ts";
import { closeNeedSchema, createNeedSchema, importNeedsSchema, reopenNeedSchema, updateNeedSchema } from "./staff-schema.ts";

const STAFF = { roles: STAFF_ROLES };

function refreshPublic(needId?: string) {
  revalidatePath("/kebutuhan");
  if (needId) revalidatePath(`/kebutuhan/${needId}`);
  revalidatePath("/staf/kebutuhan");
}

export const createNeedAction = defineAction({
  access: STAFF,
  schema: createNeedSchema,
  async run(input, caller) {
    const need = await needs.createNeed(caller, input);
    refreshPublic(need.id);
    redirect(`/staf/kebutuhan/${need.id}?berubah=created`);
  },
});

export const updateNeedAction = defineAction({
  access: STAFF,
  schema: updateNeedSchema,
  async run(input, caller) {
    await needs.updateNeed(caller, input);
    refreshPublic(input.id);
    redirect(`/staf/kebutuhan/${input.id}?berubah=updated`);
  },
});

export const closeNeedAction = defineAction({
  access: STAFF,
  schema: closeNeedSchema,
  async run(input, caller) {
    const { cancelled } = await needs.closeNeed(caller, input);
    if (cancelled > 0) requestMailSoon();
    refreshPublic(input.id);
    redirect(`/staf/kebutuhan/${input.id}?berubah=closed&batal=${cancelled}`);
  },
});

export const reopenNeedAction = defineAction({
  access: STAFF,
  schema: reopenNeedSchema,
  async run(input, caller) {
    await needs.reopenNeed(caller, input);
    refreshPublic(input.id);
    redirect(`/staf/kebutuhan/${input.id}?berubah=reopened`);
  },
});

export const importNeedsAction = defineAction({
  access: STAFF,
  schema: importNeedsSchema,
  async run(input, caller) {
    const values = { programId: input.programId, status: input.status };
    if (input.file.size > IMPORT_MAX_BYTES) return importReport(tooLarge(), values);
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const outcome = await needs.importNeeds(caller, { programId: input.programId, status: input.status, fileName: input.file.name, bytes });
    if (!outcome.ok) return importReport(outcome, values);
    refreshPublic();
    redirect(`/staf/kebutuhan?program=${input.programId}&berubah=imported&jumlah=${outcome.created}`);
  },
});
