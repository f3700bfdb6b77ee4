import { useTranslations, useFormatter, useLocale } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/badge.tsx";
import { CoverageBar } from "@/components/coverage-bar.tsx";
import type { NeedCard as NeedCardData } from "@/lib/needs/queries.ts";

export function NeedCard({ need }: { need: NeedCardData }) {
  const t = useTranslations("catalogue");
  const tCategory = useTranslations("category");
  const tPriority = useTranslations("priority");
  const tStatus = useTranslations("needStatus");
  const tBeneficiary = useTranslations("beneficiary");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <article className="flex h-full flex-col gap-3 card p-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="brand">{tCategory(`${need.program.category}.short`)}</Badge>
        {(need.priority === "URGENT" || need.priority === "HIGH") && (
          <Badge tone={need.priority === "URGENT" ? "urgent" : "info"}>{tPriority(need.priority)}</Badge>
        )}
        {need.status !== "OPEN" && <Badge tone={need.status === "FULFILLED" ? "success" : "neutral"}>{tStatus(need.status)}</Badge>}
      </div>
      <h3 className="text-base font-semibold text-ink">
        <Link href={`/kebutuhan/${need.id}`} className="rounded hover:text-brand-700 hover:underline">
          {need.item}
        </Link>
      </h3>
      <p className="text-sm text-slate-700">
        {need.rw === null ? need.kelurahan.name : `${need.kelurahan.name} · ${t("rw", { rw: String(need.rw).padStart(2, "0") })}`}
        <span className="block text-xs text-slate-600">{`${need.kecamatan.name} · ${need.kota.name}`}</span>
      </p>
      <div className="mt-auto space-y-2">
        <CoverageBar target={need.targetQuantity} pledged={need.pledgedQuantity} delivered={need.deliveredQuantity} unit={need.unit} />
        <p className="flex flex-wrap justify-between gap-2 text-xs text-slate-600">
          <span>{tBeneficiary(need.beneficiaryKind, { count: need.beneficiaryCount })}</span>
          <span>{t("deadline", { date: format.dateTime(need.deadline, { dateStyle: "medium", timeZone: "Asia/Jakarta" }) })}</span>
        </p>
      </div>
      <span className="sr-only" lang={locale}>
        {need.program[locale === "en" ? "nameEn" : "nameId"]}
      </span>
    </article>
  );
}
