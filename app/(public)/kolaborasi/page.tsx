import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CollaborationCard } from "@/components/collaboration-card.tsx";
import { EmptyState, PageHeader } from "@/components/page-header.tsx";
import { Pagination } from "@/components/pagination.tsx";
import { JDCN_TOPICS, type JdcnTopicName } from "@/lib/collaborations/constants.ts";
import { publicCollaborations, type PublicCollaboration } from "@/lib/collaborations/queries.ts";
import { publicCollaborationParams } from "@/lib/collaborations/schema.ts";
import { firstValues } from "@/lib/coverage/schema.ts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("collaborations");
  return { title: t("title"), description: t("lead") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// /kolaborasi: JDCN collaborations the city agreed to, grouped by topic. Proposals are
// public only once agreed; their reasons and what was asked of the city never are.
export default async function CollaborationsPage({ searchParams }: { searchParams: SearchParams }) {
  const { topik, page } = publicCollaborationParams.parse(firstValues(await searchParams));
  const [result, t] = await Promise.all([publicCollaborations(topik, page), getTranslations("collaborations")]);
  const groups = new Map<JdcnTopicName, PublicCollaboration[]>();
  for (const collaboration of result.collaborations)
    groups.set(collaboration.topic, [...(groups.get(collaboration.topic) ?? []), collaboration]);
  const href = (topic: JdcnTopicName | undefined, p = 1) => {
    const query = new URLSearchParams({ ...(topic && { topik: topic.toLowerCase() }), ...(p > 1 && { page: String(p) }) }).toString();
    return query ? `/kolaborasi?${query}` : "/kolaborasi";
  };
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")}>
        <p className="text-sm text-slate-700">
          {t("proposeCtaLead")}{" "}
          <Link href="/akun/kolaborasi" prefetch={false} className="font-semibold text-brand-700 hover:underline">
            {t("proposeCta")}
          </Link>
        </p>
      </PageHeader>
      <nav aria-label={t("topicFilter")} className="flex flex-wrap gap-2">
        {[undefined, ...JDCN_TOPICS].map((topic) => (
          <Link
            key={topic ?? "all"}
            href={href(topic)}
            prefetch={false}
            aria-current={topic === topik ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
          >
            {t("topicCount", {
              topic: topic ? t(`topics.${topic}`) : t("allTopics"),
              count: topic ? (result.countByTopic[topic] ?? 0) : result.allTopics,
            })}
          </Link>
        ))}
      </nav>
      {result.collaborations.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        [...groups].map(([topic, collaborations]) => (
          <section key={topic} aria-labelledby={`topic-${topic}`} className="space-y-3">
            <h2 id={`topic-${topic}`} className="text-xl font-bold text-ink">
              {t(`topics.${topic}`)}
            </h2>
            <ul className="space-y-3" aria-label={t("listLabel", { topic: t(`topics.${topic}`) })}>
              {collaborations.map((collaboration) => (
                <li key={collaboration.id}>
                  <CollaborationCard collaboration={collaboration} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      <Pagination page={page} pageCount={result.pageCount} hrefFor={(p) => href(topik, p)} />
    </div>
  );
}
