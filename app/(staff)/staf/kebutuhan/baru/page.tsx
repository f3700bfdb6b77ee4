import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/page-header.tsx";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { recordId } from "@/lib/programs/schema.ts";
import { NeedForm } from "../_components/need-form.tsx";
import { needFormOptions } from "../_components/need-form-data.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("needAdmin"))("createTitle") };
}

const params = z.object({ program: recordId.optional().catch(undefined) });

export default async function NewNeedPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const caller = await requirePageUser("/staf/kebutuhan/baru", STAFF_ROLES);
  const { program } = params.parse(await searchParams);
  const locale = await getLocale();
  const [{ programs, regions }, t] = await Promise.all([needFormOptions(caller, locale), getTranslations("needAdmin")]);
  const chosen = programs.find((p) => p.id === program) ?? (programs.length === 1 ? programs[0] : undefined);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staf/kebutuhan" className="text-sm font-medium text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("createTitle")} lead={t("createLead")} />
      <section className="card p-5">
        <NeedForm
          programs={programs}
          regions={regions}
          today={jakartaToday()}
          statusEditable
          initial={{ programId: chosen?.id ?? "", kelurahanCode: "", priority: "MEDIUM", status: "OPEN" }}
        />
      </section>
    </div>
  );
}
