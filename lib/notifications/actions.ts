"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define.ts";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { db } from "@/lib/db/index.ts";
import { requestMailSoon } from "@/lib/jobs/request.ts";
import { retryFailedMail } from "./outbox.ts";
import { retryMailSchema } from "./schema.ts";

export const markNotificationsReadAction = defineAction({
  access: "user",
  schema: z.object({}),
  async run(_input, caller) {
    await db.notification.updateMany({ where: { userId: caller.id, readAt: null }, data: { readAt: new Date() } });
    revalidatePath("/", "layout");
    return { ok: true, message: (await getTranslations("notifications"))("marked") };
  },
});

export const retryMailAction = defineAction({
  access: { roles: STAFF_ROLES },
  schema: retryMailSchema,
  async run(input, caller) {
    await retryFailedMail(caller, input.mailId);
    requestMailSoon();
    revalidatePath("/staf/surel");
    // The mail leaves the FAILED list, so the confirmation is shown by the page.
    redirect(`/staf/surel?status=${input.status}&retried=1`);
  },
});
