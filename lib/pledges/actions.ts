"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/define.ts";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { bulkReviewSchema, changePledgeStatusSchema, createPledgeSchema, recordDeliverySchema } from "./schema.ts";
import { requestMailSoon } from "@/lib/jobs/request.ts";
import { reviewPledges } from "./bulk-review.ts";
import * as pledges from "./service.ts";

export const createPledgeAction = defineAction({
  access: { roles: ["DONOR"] },
  schema: createPledgeSchema,
  async run(input, caller) {
    const pledge = await pledges.createPledge(caller, input);
    requestMailSoon();
    // The form opens the pledge's page itself (and, without JavaScript, shows this message
    // with a link to it). Redirecting here would render that page into this answer, which
    // doubled the cost of every pledge (see npm run bench); the need page is rendered
    // fresh whenever it is opened, so nothing needs revalidating.
    return {
      ok: true,
      message: (await getTranslations("pledge"))("created", { reference: pledge.reference }),
      data: { pledgeId: pledge.id, href: `/janji/${pledge.id}?baru=1` },
    };
  },
});

export const changePledgeStatusAction = defineAction({
  access: "user",
  schema: changePledgeStatusSchema,
  async run(input, caller) {
    const pledge = await pledges.changePledgeStatus(caller, input);
    requestMailSoon();
    revalidatePath(`/kebutuhan/${pledge.needId}`);
    // Staff working through the inbox stay on it; it names the pledge it confirmed.
    if (input.returnTo === "inbox") redirect(`/staf?dikonfirmasi=${pledge.id}`);
    // The buttons change with the status, so the page itself confirms the change.
    redirect(`/janji/${pledge.id}?berubah=${input.to}`);
  },
});

export const bulkReviewPledgesAction = defineAction({
  access: { roles: STAFF_ROLES },
  schema: bulkReviewSchema,
  async run(input, caller) {
    const { changed, skipped } = await reviewPledges(caller, input, pledges.changePledgeStatus);
    requestMailSoon();
    revalidatePath("/staf/janji");
    revalidatePath("/staf");
    const t = await getTranslations("review");
    const done = t("bulkDone", { done: changed, skipped: skipped.length });
    if (skipped.length === 0) return { ok: true, message: done };
    const list = skipped.map(({ reference, reason }) => t(reason === "changed" ? "skippedChanged" : "skippedNotReviewable", { reference }));
    return { ok: true, message: `${done} ${t("bulkSkipped", { list: list.join("; ") })}` };
  },
});

export const recordDeliveryAction = defineAction({
  access: { roles: ["AGGREGATOR", "DONOR"] },
  schema: recordDeliverySchema,
  async run(input, caller) {
    const pledge = await pledges.recordDelivery(caller, input);
    requestMailSoon();
    revalidatePath(`/kebutuhan/${pledge.needId}`);
    redirect(`/janji/${pledge.id}?berubah=delivery`);
  },
});
