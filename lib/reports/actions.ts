"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/define.ts";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { clientIpFrom } from "@/lib/http/client-ip.ts";
import { requestMailSoon } from "@/lib/jobs/request.ts";
import { changeReportStatusSchema, fileReportSchema } from "./schema.ts";
import { changeReportStatus, fileReport } from "./service.ts";

// "Laporkan": anyone, no account. The answer names the report's reference, which is all
// the reporter needs to follow it up.
export const fileReportAction = defineAction({
  access: "public",
  schema: fileReportSchema,
  async run(input) {
    const ip = clientIpFrom(await headers()) ?? "unknown";
    const locale = (await getLocale()) === "en" ? "en" : "id";
    const filed = await fileReport(input, { ip, locale });
    const t = await getTranslations("reports");
    // A robot (honeypot filled in) reads the same thanks, without a reference that exists.
    return { ok: true, message: filed.reference ? t("filed", { reference: filed.reference }) : t("filedNoReference") };
  },
});

export const changeReportStatusAction = defineAction({
  access: { roles: STAFF_ROLES },
  schema: changeReportStatusSchema,
  async run(input, caller) {
    const { mailed, reference } = await changeReportStatus(caller, input);
    if (mailed) requestMailSoon();
    revalidatePath("/laporkan");
    // The report leaves the list it was in, so the confirmation is shown by the page.
    redirect(`/staf/laporan?status=${input.from}&diubah=${input.to}&ref=${reference}${mailed ? "&surel=1" : ""}`);
  },
});
