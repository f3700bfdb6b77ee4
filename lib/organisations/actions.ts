"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/define.ts";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { requestMailSoon } from "@/lib/jobs/request.ts";
import { removeLogo, updatePublicProfile } from "./profile.ts";
import { organisationDecisionSchema, organisationDecisionWithReasonSchema, publicProfileSchema, removeLogoSchema } from "./schema.ts";
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

// The public profile: donors' and aggregators' own organisation (never one named by the
// form); city staff belong to a city office, which has no profile (lib/organisations/profile.ts).
const COLLABORATOR_ROLES: Role[] = ["DONOR", "AGGREGATOR"];

function profileChanged(id: string) {
  revalidatePath("/akun");
  revalidatePath("/kolaborator");
  revalidatePath(`/kolaborator/${id}`);
}

export const updatePublicProfileAction = defineAction({
  access: { roles: COLLABORATOR_ROLES },
  schema: publicProfileSchema,
  async run(input, caller) {
    await updatePublicProfile(caller, input);
    profileChanged(caller.organisationId);
    return { ok: true, message: (await getTranslations("account.publicProfile"))("saved") };
  },
});

export const removeLogoAction = defineAction({
  access: { roles: COLLABORATOR_ROLES },
  schema: removeLogoSchema,
  async run(_input, caller) {
    await removeLogo(caller);
    profileChanged(caller.organisationId);
    return { ok: true, message: (await getTranslations("account.publicProfile"))("logoRemoved") };
  },
});
