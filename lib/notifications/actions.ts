"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define.ts";
import { db } from "@/lib/db/index.ts";

export const markNotificationsReadAction = defineAction({
  access: "user",
  schema: z.object({}),
  async run(_input, caller) {
    await db.notification.updateMany({ where: { userId: caller.id, readAt: null }, data: { readAt: new Date() } });
    revalidatePath("/", "layout");
    return { ok: true, message: (await getTranslations("notifications"))("marked") };
  },
});
