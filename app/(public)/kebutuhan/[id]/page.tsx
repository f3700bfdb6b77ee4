import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { reportHref } from "@/lib/reports/schema.ts";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { Badge } from "@/components/badge.tsx";
import { CoverageBar } from "@/components/coverage-bar.tsx";
import { getPublicNeed } from "@/lib/needs/queries.ts";
import { PledgePanel } from "./_components/pledge-panel.tsx";

const needId = z.string().regex(/^[a-z0-9_]{1,64}$/i);

// generateMetadata and the page share one read per request.
const loadNeed = cache(async (id: string) => (needId.safeParse(id).success ? getPublicNeed(id) : null));

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const need = await loadNeed((await params).id);
  if (!need) return {};
  return { title: `${need.item} · ${need.kelurahan.name}` };
}

export default async function NeedPage({ params }: { params: Params }) {
  const need = await loadNeed((await params).id);
  if (!need) notFound();
  const [tTransparency, t, tCategory, tPriority, tStatus, tPledge, tUnit, tBeneficiary, tReports, tCommunity, format, locale] =
    await Promise.all([
      getTranslations("transparency"),
      getTranslations("need"),
      getTranslations("category"),
      getTranslations("priority"),
      getTranslations("needStatus"),
      getTranslations("pledgeStatus"),
      getTranslations("unit"),
      getTranslations("beneficiary"),
      getTranslations("reports"),
      getTranslations("community"),
      getFormatter(),
      getLocale(),
    ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long", timeZone: "Asia/Jakarta" });
  const quantity = (value: number) => `${format.number(value)} ${tUnit(need.unit, { count: value })}`;
  const english = locale === "en";
  const pledgeCount = need.pledgesByStatus.reduce((sum, row) => sum + row.count, 0);

  return (
    <article className="space-y-6">
      <Link href="/kebutuhan" className="back-link">
        ← {t("backToCatalogue")}
      </Link>

      <header className="space-y-3">
        <nav aria-label={t("breadcrumb")}>
          <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-700">
            <li>
              <Link href={`/kebutuhan?kota=${need.kota.code}`} className="crumb">
                {need.kota.name}
              </Link>
            </li>
            <li aria-hidden="true">›</li>
            <li>
              <Link href={`/kebutuhan?kota=${need.kota.code}&kecamatan=${need.kecamatan.code}`} className="crumb">
                {need.kecamatan.name}
              </Link>
            </li>
            <li aria-hidden="true">›</li>
            <li>
              <Link
                href={`/kebutuhan?kota=${need.kota.code}&kecamatan=${need.kecamatan.code}&kelurahan=${need.kelurahan.code}`}
                className="crumb"
                aria-current="location"
              >
                {need.kelurahan.name}
              </Link>
            </li>
            {need.rw !== null && (
              <>
                <li aria-hidden="true">›</li>
                <li>{t("rw", { rw: String(need.rw).padStart(2, "0") })}</li>
              </>
            )}
          </ol>
        </nav>
        <div className="flex flex-wrap gap-2">
          <Badge tone="brand">{tCategory(`${need.program.category}.name`)}</Badge>
          <Badge tone={need.priority === "URGENT" ? "urgent" : "neutral"}>
            {t("priority")}: {tPriority(need.priority)}
          </Badge>
          <Badge tone={need.status === "FULFILLED" ? "success" : "neutral"}>{tStatus(need.status)}</Badge>
        </div>
        <h1 className="text-2xl font-bold text-ink sm:text-3xl">{need.item}</h1>
        {need.description && <p className="max-w-3xl text-slate-700">{need.description}</p>}
      </header>

      <section aria-labelledby="coverage-heading" className="card p-5">
        <h2 id="coverage-heading" className="sr-only">
          {t("target")}
        </h2>
        <dl className="mb-4 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
          <Figure label={t("target")} value={quantity(need.targetQuantity)} />
          <Figure label={t("pledged")} value={quantity(need.pledgedQuantity)} />
          <Figure label={t("approved")} value={quantity(need.approvedQuantity)} />
          <Figure label={t("delivered")} value={quantity(need.deliveredQuantity)} />
          <Figure label={t("confirmed")} value={quantity(need.confirmedQuantity)} />
          <Figure label={t("beneficiaries")} value={tBeneficiary(need.beneficiaryKind, { count: need.beneficiaryCount })} />
        </dl>
        <CoverageBar
          target={need.targetQuantity}
          pledged={need.pledgedQuantity}
          delivered={need.deliveredQuantity}
          unit={need.unit}
          detailed
        />
        <p className="mt-3 text-xs text-slate-600">{t("beneficiariesNote")}</p>
      </section>

      <PledgePanel need={need} />

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="program-heading" className="card p-5">
          <h2 id="program-heading" className="card-title">
            {t("program")}
          </h2>
          <dl className="mt-3 space-y-3 text-sm">
            <Row
              label={t("program")}
              value={
                <a href={`/program/${need.program.slug}`} className="text-brand-700 hover:underline">
                  {english ? need.program.nameEn : need.program.nameId}
                </a>
              }
            />
            <Row label={t("owner")} value={need.program.ownerName ?? tTransparency("anonymousOwner")} />
            <Row label={t("period")} value={`${date(need.program.startsOn)} – ${date(need.program.endsOn)}`} />
            <Row label={t("deadline")} value={date(need.deadline)} />
          </dl>
          <p className="mt-3 text-sm text-slate-700">{english ? need.program.descriptionEn : need.program.descriptionId}</p>
        </section>

        <section aria-labelledby="pledges-heading" className="card p-5">
          <h2 id="pledges-heading" className="card-title">
            {t("pledgesTitle")} <span className="text-base font-normal text-slate-600">({t("pledgeCount", { count: pledgeCount })})</span>
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("pledgesLead")}</p>
          {pledgeCount === 0 ? (
            <p className="mt-3 text-sm text-slate-700">{t("noPledges")}</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-100 text-sm">
              {need.pledgesByStatus.map((row) => (
                <li key={row.status} className="flex justify-between gap-4 py-2">
                  <span>{tPledge(row.status)}</span>
                  <span className="text-slate-700">
                    {t("pledgeCount", { count: row.count })} · {quantity(row.quantity)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {need.communityConfirmed > 0 && (
            <p className="mt-3 text-sm" data-community-confirmed>
              <span className="badge badge-success">{tCommunity("confirmedByCommunity")}</span> {quantity(need.communityConfirmed)}
            </p>
          )}
        </section>
      </div>
      {/* A plain link: not prefetched on every need page view. */}
      <p className="text-sm">
        <a href={reportHref("NEED", need.id)} className="text-brand-700 hover:underline">
          {tReports("linkLabel")}
        </a>
      </p>
    </article>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="stat-label">{label}</dt>
      <dd className="stat-value">{value}</dd>
    </div>
  );
}

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="fact-row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
