import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";
import { GuardError, STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { isoDate } from "@/lib/dates.ts";
import { cityOffices, programForEdit } from "@/lib/programs/queries.ts";
import { recordId } from "@/lib/programs/schema.ts";
import { ProgramForm } from "../_components/program-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("programAdmin"))("editHeading"), robots: { index: false } };
}

export default async function EditProgramPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requirePageUser(`/staf/program/${id}`, STAFF_ROLES);
  if (!recordId.safeParse(id).success) notFound();
  const program = await programForEdit(caller, id).catch((error: unknown) => {
    if (error instanceof GuardError) notFound();
    throw error;
  });
  const [offices, t, locale] = await Promise.all([cityOffices(caller), getTranslations("programAdmin"), getLocale()]);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staf/program" className="text-sm font-medium text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={t("editTitle", { name: locale === "en" ? program.nameEn : program.nameId })}
        lead={t("editLead", { count: program._count.needs })}
      />
      <section className="card p-5">
        <ProgramForm
          offices={offices}
          categoryLocked={program._count.needs > 0}
          initial={{
            id: program.id,
            seen: program.updatedAt.toISOString(),
            slug: program.slug,
            category: program.category,
            nameId: program.nameId,
            nameEn: program.nameEn,
            descriptionId: program.descriptionId,
            descriptionEn: program.descriptionEn,
            startsOn: isoDate(program.startsOn),
            endsOn: isoDate(program.endsOn),
            ownerOrganisationId: program.ownerOrganisationId,
            status: program.status,
          }}
        />
      </section>
    </div>
  );
}
