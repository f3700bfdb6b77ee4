"use server";

import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/define.ts";
import { confirmCommunity, confirmCommunitySchema } from "./community.ts";

// A recipient representative confirms a delivery from its link: no account, the token is
// the permission (lib/deliveries/community.ts).
export const confirmCommunityAction = defineAction({
  access: "public",
  schema: confirmCommunitySchema,
  async run(input) {
    // No revalidation: need pages render per request, and refreshing this page would replace
    // the thanks with "this link has been used".
    const { shortfall } = await confirmCommunity(input);
    const t = await getTranslations("community");
    return { ok: true, message: shortfall ? t("confirmedShortfall") : t("confirmed") };
  },
});
