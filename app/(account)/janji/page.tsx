import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/page-header.tsx";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { pageParam } from "@/lib/pagination.ts";
import { Pagination } from "@/components/pagination.tsx";
import { PledgeRow } from "@/components/pledge-row.tsx";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { myPledges } from "@/lib/pledges/queries.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pledge"))("myPledges") };
}

const params = z.object({ page: pageParam });

export default async function MyPledgesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const caller = await requirePageUser("/janji", ["DONOR"]);
  const { page } = params.parse(await searchParams);
  const [{ pledges, pageCount }, t] = await Promise.all([myPledges(caller, page), getTranslations("pledge")]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-ink">{t("myPledges")}</h1>
      {pledges.length === 0 ? (
        <EmptyState>
          <Link href="/kebutuhan" className="text-brand-700 hover:underline">
            {t("myPledgesEmpty")}
          </Link>
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {pledges.map((pledge) => (
            <li key={pledge.id}>
              <PledgeRow pledge={pledge} showNextStep />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/janji?page=${p}`} />
    </div>
  );
}
