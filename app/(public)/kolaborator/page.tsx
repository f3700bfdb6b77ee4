import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@/components/page-header.tsx";
import { Pagination } from "@/components/pagination.tsx";
import { firstValues } from "@/lib/coverage/schema.ts";
import { collaboratorDirectory, DIRECTORY_KINDS, directoryParams, directoryPrograms, logoHref } from "@/lib/organisations/directory.ts";
import { ContributionList } from "./_components/contributions.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("collaborators");
  return { title: t("title"), description: t("lead") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The collaborator directory: verified, public organisations and their confirmed aid.
export default async function CollaboratorsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = directoryParams.parse(firstValues(await searchParams));
  const [result, programs, t, locale] = await Promise.all([
    collaboratorDirectory(params),
    directoryPrograms(),
    getTranslations("collaborators"),
    getLocale(),
  ]);
  const href = (page: number) => {
    const query = new URLSearchParams();
    if (params.q) query.set("q", params.q);
    if (params.kind) query.set("kind", params.kind);
    if (params.program) query.set("program", params.program);
    if (page > 1) query.set("page", String(page));
    const text = query.toString();
    return `/kolaborator${text ? `?${text}` : ""}`;
  };
  const filtered = !!(params.q || params.kind || params.program);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      {/* A plain GET form: filters work without JavaScript and every result has its address. */}
      <form method="get" action="/kolaborator" className="grid gap-3 card p-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="kolaborator-q" className="form-label">
            {t("search")}
          </label>
          <input id="kolaborator-q" name="q" type="search" defaultValue={params.q ?? ""} maxLength={100} className="form-input" />
        </div>
        <div>
          <label htmlFor="kolaborator-kind" className="form-label">
            {t("kind")}
          </label>
          <select id="kolaborator-kind" name="kind" defaultValue={params.kind ?? ""} className="form-input">
            <option value="">{t("allKinds")}</option>
            {DIRECTORY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="kolaborator-program" className="form-label">
            {t("program")}
          </label>
          <select id="kolaborator-program" name="program" defaultValue={params.program ?? ""} className="form-input">
            <option value="">{t("allPrograms")}</option>
            {programs.map((program) => (
              <option key={program.slug} value={program.slug}>
                {locale === "en" ? program.nameEn : program.nameId}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            {t("apply")}
          </button>
          {filtered && (
            <Link href="/kolaborator" className="button-secondary">
              {t("clear")}
            </Link>
          )}
        </div>
      </form>
      <p className="text-sm text-slate-700" role="status">
        {t("count", { count: result.total })}
      </p>
      {result.collaborators.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {result.collaborators.map((c) => (
            <li key={c.id} className="card space-y-2 p-4" data-collaborator={c.id}>
              <div className="flex items-center gap-3">
                {logoHref(c) && (
                  // The name beside it says whose logo it is: decorative here (alt="").
                  // eslint-disable-next-line @next/next/no-img-element -- a small logo the portal re-encoded; not for the image optimiser
                  <img
                    src={logoHref(c)!}
                    alt=""
                    width={40}
                    height={40}
                    loading="lazy"
                    className="size-10 shrink-0 rounded border border-slate-200 bg-white object-contain"
                  />
                )}
                <h2 className="card-title min-w-0 break-words">
                  <Link href={`/kolaborator/${c.id}`} className="hover:text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                </h2>
              </div>
              {c.description && <p className="line-clamp-2 break-words text-sm text-slate-700">{c.description}</p>}
              <p>
                <span className="badge badge-neutral">{t(`kinds.${c.kind as (typeof DIRECTORY_KINDS)[number]}`)}</span>
              </p>
              <ContributionList contributions={c.contributions} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={href} label={t("pagination")} />
      <p className="text-xs text-slate-600">{t("note")}</p>
    </div>
  );
}
