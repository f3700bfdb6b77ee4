"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define.ts";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requestMailSoon } from "@/lib/jobs/request.ts";
import { organisationDecisionSchema, organisationDecisionWithReasonSchema } from "./schema.ts";
import { decideOrganisation, type OrganisationDecision } from "./service.ts";

function decision(kind: OrganisationDecision, withReason: boolean) {
  return defineAction({
    access: { roles: STAFF_ROLES },
    schema: withReason ? organisationDecisionWithReasonSchema : organisationDecisionSchema,
    async run(input, caller) {
      const reason = "reason" in input ? String(input.reason) : undefined;
      await decideOrganisation(caller, input.organisationId, kind, reason);
      // The organisation's members are mailed now, not at the next minute's run.
      requestMailSoon();
      revalidatePath("/staf/organisasi");
      // The organisation leaves this queue, so the confirmation is shown by the page.
      redirect(`/staf/organisasi?status=${input.status}&decided=${kind}&organisation=${input.organisationId}`);
    },
  });
}

export const verifyOrganisationAction = decision("verify", false);
export const rejectOrganisationAction = decision("reject", true);
export const suspendOrganisationAction = decision("suspend", true);
export const reinstateOrganisationAction = decision("reinstate", false);
