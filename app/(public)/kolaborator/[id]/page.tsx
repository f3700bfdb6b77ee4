import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CollaborationCard } from "@/components/collaboration-card.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { partnerCollaborations } from "@/lib/collaborations/queries.ts";
import { collaborator, logoHref, type DIRECTORY_KINDS } from "@/lib/organisations/directory.ts";
import { reportHref } from "@/lib/reports/schema.ts";
import { ContributionList } from "../_components/contributions.tsx";

type Params = Promise<{ id: string }>;
const validId = (id: string) => /^[A-Za-z0-9_-]{1,64}$/.test(id);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const found = validId(id) ? await collaborator(id) : null;
  return found ? { title: found.name } : {};
}

// One collaborator: who they are and what they gave, as the city confirmed it.
export default async function CollaboratorPage({ params }: { params: Params }) {
  const { id } = await params;
  const found = validId(id) ? await collaborator(id) : null;
  if (!found) notFound();
  const [t, tReports, tCollaborations, tProfile, format, collaborations] = await Promise.all([
    getTranslations("collaborators"),
    getTranslations("reports"),
    getTranslations("collaborations"),
    getTranslations("account.publicProfile"),
    getFormatter(),
    partnerCollaborations(found.id),
  ]);
  const logo = logoHref(found);
  return (
    <div className="space-y-6">
      <Link href="/kolaborator" className="back-link">
        ← {t("back")}
      </Link>
      {/* On a phone the logo sits above the name, so the name and description keep the full width. */}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        {logo && (
          // eslint-disable-next-line @next/next/no-img-element -- a small logo the portal re-encoded; not for the image optimiser
          <img
            src={logo}
            alt={tProfile("logoAlt", { name: found.name })}
            width={96}
            height={96}
            className="size-24 shrink-0 rounded-md border border-slate-200 bg-white object-contain p-1"
          />
        )}
        <div className="min-w-0 flex-1">
          <PageHeader title={found.name}>
            <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
              <span className="badge badge-neutral">{t(`kinds.${found.kind as (typeof DIRECTORY_KINDS)[number]}`)}</span>
              {found.verifiedAt && (
                <span>
                  {t("verifiedSince", { date: format.dateTime(found.verifiedAt, { dateStyle: "long", timeZone: "Asia/Jakarta" }) })}
                </span>
              )}
            </p>
            {found.description && <p className="max-w-3xl whitespace-pre-line break-words text-slate-800">{found.description}</p>}
            {found.website && (
              <p className="text-sm">
                <span className="text-slate-700">{t("website")}: </span>
                <a
                  href={found.website}
                  target="_blank"
                  rel="noopener nofollow ugc"
                  className="break-words font-semibold text-brand-700 hover:underline"
                >
                  {displayAddress(found.website)}
                  <span className="sr-only"> {t("externalLink")}</span>
                </a>
              </p>
            )}
          </PageHeader>
        </div>
      </div>
      <section aria-labelledby="contributions-heading" className="card space-y-3 p-5">
        <h2 id="contributions-heading" className="card-title">
          {t("contributionsTitle")}
        </h2>
        <ContributionList contributions={found.contributions} />
        <p className="text-xs text-slate-600">{t("note")}</p>
      </section>
      <section aria-labelledby="jdcn-heading" className="space-y-3">
        <h2 id="jdcn-heading" className="text-xl font-bold text-ink">
          {tCollaborations("partnerSection")}
        </h2>
        {collaborations.length === 0 ? (
          <p className="text-sm text-slate-700">{tCollaborations("partnerSectionEmpty")}</p>
        ) : (
          <ul className="space-y-3">
            {collaborations.map((collaboration) => (
              <li key={collaboration.id}>
                <CollaborationCard collaboration={collaboration} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="text-sm">
        <a href={reportHref("ORGANISATION", found.id)} className="text-brand-700 hover:underline">
          {tReports("linkLabelOn", { what: found.name })}
        </a>
      </p>
    </div>
  );
}

/** A website as people read it: without the scheme and a lone trailing slash. */
function displayAddress(website: string): string {
  return website.replace(/^https?:\/\//, "").replace(/\/$/, "");
}
