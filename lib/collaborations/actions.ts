"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/define.ts";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requestMailSoon } from "@/lib/jobs/request.ts";
import { proposeCollaborationSchema, routeCollaborationSchema, stepCollaborationSchema } from "./schema.ts";
import { proposeCollaboration, routeCollaboration, stepCollaboration } from "./service.ts";

// JDCN collaborations: a verified partner proposes; staff route; the owning office steps.

export const proposeCollaborationAction = defineAction({
  access: { roles: ["DONOR", "AGGREGATOR"] },
  schema: proposeCollaborationSchema,
  async run(input, caller) {
    const { reference } = await proposeCollaboration(caller, input);
    requestMailSoon();
    revalidatePath("/akun/kolaborasi");
    const t = await getTranslations("collaborations");
    return { ok: true, message: t("proposed", { reference }) };
  },
});

export const routeCollaborationAction = defineAction({
  access: { roles: STAFF_ROLES },
  schema: routeCollaborationSchema,
  async run(input, caller) {
    const { reference, status } = await routeCollaboration(caller, input);
    requestMailSoon();
    redirect(`/staf/kolaborasi?status=${status}&diubah=ROUTED&ref=${reference}`);
  },
});

export const stepCollaborationAction = defineAction({
  access: { roles: STAFF_ROLES },
  schema: stepCollaborationSchema,
  async run(input, caller) {
    const { reference } = await stepCollaboration(caller, input);
    requestMailSoon();
    revalidatePath("/kolaborasi");
    revalidatePath("/kolaborator", "layout");
    // The collaboration leaves the list it was in, so the confirmation is shown by the page.
    redirect(`/staf/kolaborasi?status=${input.from}&diubah=${input.to}&ref=${reference}`);
  },
});
