import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { cityOffices } from "@/lib/programs/queries.ts";
import { ProgramForm } from "../_components/program-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("programAdmin"))("createTitle") };
}

export default async function NewProgramPage() {
  const caller = await requirePageUser("/staf/program/baru", STAFF_ROLES);
  const [offices, t] = await Promise.all([cityOffices(caller), getTranslations("programAdmin")]);
  const today = jakartaToday();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staf/program" className="text-sm font-medium text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("createTitle")} lead={t("createLead")} />
      <section className="card p-5">
        <ProgramForm offices={offices} initial={{ category: "PANGAN", status: "DRAFT", startsOn: today, endsOn: "" }} />
      </section>
    </div>
  );
}
