import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";
import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { NeedPriority } from "@/lib/generated/prisma/enums.ts";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from "@/lib/needs/import.ts";
import { ACTIVE_CATEGORIES, CATEGORIES } from "@/lib/programs/categories.ts";
import { programsAcceptingNeeds } from "@/lib/programs/queries.ts";
import { ImportForm } from "./_components/import-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("needImport"))("title") };
}

export default async function ImportNeedsPage() {
  const caller = await requirePageUser("/staf/kebutuhan/impor", STAFF_ROLES);
  const [programs, t, tCategory, locale, format] = await Promise.all([
    programsAcceptingNeeds(caller),
    getTranslations("needImport"),
    getTranslations("category"),
    getLocale(),
    getFormatter(),
  ]);
  const limits = { maxRows: format.number(IMPORT_MAX_ROWS), maxMb: IMPORT_MAX_BYTES / 1024 / 1024 };
  const section = "space-y-3 card p-5 ";
  const code = "inline-block rounded bg-slate-100 px-1 font-mono text-xs";
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staf/kebutuhan" className="text-sm font-medium text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("title")} lead={t("lead")} />
      <section aria-labelledby="upload-heading" className={section}>
        <h2 id="upload-heading" className="text-lg font-semibold text-ink">
          {t("uploadTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("allOrNothing")}</p>
        <ImportForm
          programs={programs.map((p) => ({ id: p.id, name: locale === "en" ? p.nameEn : p.nameId, open: p.status === "OPEN" }))}
          maxBytes={IMPORT_MAX_BYTES}
          limits={limits}
        />
      </section>
      <section aria-labelledby="format-heading" className={section}>
        <h2 id="format-heading" className="text-lg font-semibold text-ink">
          {t("formatTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("formatLead", limits)}</p>
        <dl className="divide-y divide-slate-100 border-y border-slate-200 text-sm">
          {[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].map((column) => (
            <div key={column} className="grid gap-1 py-2 sm:grid-cols-[13rem_1fr] sm:gap-3">
              <dt>
                <code className={code}>{column}</code>
                {(OPTIONAL_COLUMNS as readonly string[]).includes(column) && (
                  <span className="ml-2 text-xs text-slate-600">{t("optional")}</span>
                )}
              </dt>
              <dd className="text-slate-800">{t(`columns.${column}`)}</dd>
            </div>
          ))}
        </dl>
        <h3 className="pt-2 font-semibold text-ink">{t("codesTitle")}</h3>
        <ul className="space-y-2 text-sm">
          {ACTIVE_CATEGORIES.map((category) => (
            <li key={category}>
              <span className="font-medium">{tCategory(`${category}.name`)}</span>: {t("unitsLabel")}{" "}
              {CATEGORIES[category].units.map((unit) => (
                <code key={unit} className={`${code} mr-1`}>
                  {unit}
                </code>
              ))}
              {" · "}
              {t("kindsLabel")}{" "}
              {CATEGORIES[category].beneficiaryKinds.map((kind) => (
                <code key={kind} className={`${code} mr-1`}>
                  {kind}
                </code>
              ))}
            </li>
          ))}
          <li>
            <span className="font-medium">{t("prioritiesLabel")}</span>:{" "}
            {Object.values(NeedPriority).map((p) => (
              <code key={p} className={`${code} mr-1`}>
                {p}
              </code>
            ))}
          </li>
        </ul>
      </section>
    </div>
  );
}
