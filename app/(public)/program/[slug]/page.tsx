import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CoverageBar } from "@/components/coverage-bar.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { searchNeeds } from "@/lib/needs/queries.ts";
import { collaboratorDirectory } from "@/lib/organisations/directory.ts";
import { ACTIVE_CATEGORIES } from "@/lib/programs/categories.ts";
import { publicProgram } from "@/lib/programs/public.ts";

type Params = Promise<{ slug: string }>;
const validSlug = (slug: string) => /^[a-z0-9-]{1,80}$/.test(slug);

async function load(slug: string) {
  return validSlug(slug) ? publicProgram(slug) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const program = await load((await params).slug);
  if (!program) return {};
  const english = (await getLocale()) === "en";
  return { title: english ? program.nameEn : program.nameId, description: english ? program.descriptionEn : program.descriptionId };
}

const NEEDS_SHOWN = 6;
const isActiveCategory = (category: string): category is (typeof ACTIVE_CATEGORIES)[number] =>
  (ACTIVE_CATEGORIES as readonly string[]).includes(category);

// A program's public page: what it is, who runs it, how far it is covered, its most urgent
// needs and its collaborators.
export default async function ProgramPage({ params }: { params: Params }) {
  const program = await load((await params).slug);
  if (!program) notFound();
  const [needs, collaborators, t, tCategory, tUnit, format, locale] = await Promise.all([
    // Planned categories (waste, labour) have no needs yet.
    isActiveCategory(program.category) ? searchNeeds({ category: program.category, status: "OPEN", sort: "priority" }, NEEDS_SHOWN) : null,
    collaboratorDirectory({ program: program.slug, page: 1 }),
    getTranslations("programPage"),
    getTranslations("category"),
    getTranslations("unit"),
    getFormatter(),
    getLocale(),
  ]);
  const english = locale === "en";
  const day = (value: Date) => format.dateTime(value, { dateStyle: "long", timeZone: "UTC" });
  return (
    <div className="space-y-8">
      <PageHeader title={english ? program.nameEn : program.nameId} lead={english ? program.descriptionEn : program.descriptionId}>
        <p className="flex flex-wrap gap-2">
          <span className="badge badge-brand">{tCategory(`${program.category}.short`)}</span>
          <span className="badge badge-neutral">{t(`status.${program.status}`)}</span>
        </p>
      </PageHeader>
      <dl className="card space-y-3 p-5 text-sm">
        <div className="fact-row">
          <dt>{t("period")}</dt>
          <dd>
            {day(program.startsOn)} – {day(program.endsOn)}
          </dd>
        </div>
        {program.ownerName && (
          <div className="fact-row">
            <dt>{t("owner")}</dt>
            <dd>{program.ownerName}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="progress-heading" className="space-y-3">
        <h2 id="progress-heading" className="text-xl font-bold text-ink">
          {t("progressTitle")}
        </h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {program.progress.map((row) => (
            <li key={row.unit} className="card space-y-2 p-4" data-unit={row.unit}>
              <p className="font-semibold text-ink">
                {tUnit(row.unit, { count: 2 })} ·{" "}
                <span className="font-normal text-slate-700">{t("needsCount", { count: row.needs })}</span>
              </p>
              <CoverageBar target={row.target} pledged={row.pledged} delivered={row.delivered} unit={row.unit} detailed />
              {row.communityConfirmed > 0 && (
                <p className="text-sm text-slate-700">
                  {t("communityConfirmed", {
                    quantity: `${format.number(row.communityConfirmed)} ${tUnit(row.unit, { count: row.communityConfirmed })}`,
                  })}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="program-needs-heading" className="space-y-3">
        <h2 id="program-needs-heading" className="text-xl font-bold text-ink">
          {t("needsTitle")}
        </h2>
        {!needs || needs.needs.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noNeeds")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 card text-sm">
            {needs.needs.map((need) => (
              <li key={need.id} className="flex flex-wrap justify-between gap-2 px-4 py-3">
                <Link href={`/kebutuhan/${need.id}`} className="font-medium text-brand-700 hover:underline">
                  {need.item}
                </Link>
                <span className="text-slate-700">{need.kelurahan.name}</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href={`/kebutuhan?category=${program.category}`} className="text-sm font-medium text-brand-700 hover:underline">
            {t("allNeeds")} →
          </Link>
        </p>
      </section>

      <section aria-labelledby="program-collaborators-heading" className="space-y-3">
        <h2 id="program-collaborators-heading" className="text-xl font-bold text-ink">
          {t("collaboratorsTitle")}
        </h2>
        {collaborators.collaborators.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noCollaborators")}</p>
        ) : (
          <ul className="flex flex-wrap gap-2 text-sm">
            {collaborators.collaborators.map((c) => (
              <li key={c.id}>
                <Link href={`/kolaborator/${c.id}`} className="badge badge-neutral hover:underline">
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {collaborators.total > collaborators.collaborators.length && (
          <p>
            <Link href={`/kolaborator?program=${program.slug}`} className="text-sm font-medium text-brand-700 hover:underline">
              {t("allCollaborators")} →
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
