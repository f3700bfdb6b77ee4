import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/badge.tsx";
import { EmptyState, PageHeader } from "@/components/page-header.tsx";
import { Pagination } from "@/components/pagination.tsx";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { programName, programsForStaff } from "@/lib/programs/queries.ts";
import { programListParams } from "@/lib/programs/schema.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("programAdmin"))("title") };
}

const STATUS_TONE = { PLANNED: "neutral", DRAFT: "neutral", OPEN: "success", CLOSED: "urgent" } as const;

export default async function ProgramListPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const caller = await requirePageUser("/staf/program", STAFF_ROLES);
  const { page, berubah, program: changedId } = programListParams.parse(await searchParams);
  const [result, changed, t, tCategory, format, locale] = await Promise.all([
    programsForStaff(caller, page),
    berubah && changedId ? programName(caller, changedId) : null,
    getTranslations("programAdmin"),
    getTranslations("category"),
    getFormatter(),
    getLocale(),
  ]);
  const name = (program: { nameId: string; nameEn: string }) => (locale === "en" ? program.nameEn : program.nameId);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")}>
        <p>
          <Link
            href="/staf/program/baru"
            className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {t("newProgram")}
          </Link>
        </p>
      </PageHeader>
      {berubah && changed && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {t(`changed.${berubah}`, { name: name(changed) })}
        </p>
      )}
      {result.programs.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {result.programs.map((program) => (
            <li key={program.id}>
              <article aria-labelledby={`program-${program.id}`} className="flex flex-wrap items-start justify-between gap-3 card p-4">
                <div className="min-w-0 space-y-1">
                  <h2 id={`program-${program.id}`} className="font-semibold text-ink">
                    <Link href={`/staf/program/${program.id}`} className="hover:text-brand-700 hover:underline">
                      {name(program)}
                    </Link>
                  </h2>
                  <p className="text-sm text-slate-700">
                    {tCategory(`${program.category}.short`)} ·{" "}
                    {t("periodRange", { start: date(program.startsOn), end: date(program.endsOn) })}
                  </p>
                  <p className="text-xs text-slate-600">
                    {program.ownerOrganisation.name} · <span className="font-mono">{program.slug}</span>
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={STATUS_TONE[program.status]}>{t(`status.${program.status}`)}</Badge>
                  <Link href={`/staf/kebutuhan?program=${program.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                    {t("needCount", { count: program._count.needs })}
                  </Link>
                  <Link
                    href={`/staf/program/${program.id}`}
                    className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-100"
                  >
                    {t("edit")}
                  </Link>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={result.pageCount} hrefFor={(p) => `/staf/program?page=${p}`} />
    </div>
  );
}
