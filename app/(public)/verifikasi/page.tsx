import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";
import { jakartaToday } from "@/lib/dates.ts";
import { normaliseCode, verifyCode } from "@/lib/receipts/queries.ts";
import { verifyQuery } from "@/lib/receipts/schema.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("receipt"))("verifyTitle") };
}

// Anyone holding a KSBB receipt or yearly statement can check its code here. The answer
// repeats what the document states about the aid, never a person, and the organisation's
// name only when it agreed to be shown publicly. Codes carry 60 random bits: guessing one
// is not a way in.
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { kode } = verifyQuery.parse(await searchParams);
  const [t, tUnit, format, locale] = await Promise.all([getTranslations("receipt"), getTranslations("unit"), getFormatter(), getLocale()]);
  const asked = kode?.trim() ?? "";
  const wellFormed = asked ? normaliseCode(asked) : null;
  const found = wellFormed ? await verifyCode(wellFormed) : null;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 sm:grid-cols-[12rem_1fr]">
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium break-words text-ink">{value}</dd>
    </div>
  );

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title={t("verifyTitle")} lead={t("verifyLead")} />
      <form method="get" className="flex flex-wrap items-end gap-3 card p-4">
        <label className="min-w-0 flex-1 text-sm font-medium">
          {t("codeLabel")}
          <input
            name="kode"
            defaultValue={asked}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="code-hint"
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 font-mono text-sm uppercase"
          />
          <span id="code-hint" className="mt-1 block text-xs font-normal text-slate-600">
            {t("codeHint")}
          </span>
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          {t("check")}
        </button>
      </form>
      {asked && (
        <section aria-live="polite" aria-labelledby="verify-result" className="space-y-3">
          {!wellFormed ? (
            <p id="verify-result" role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
              {t("invalid")}
            </p>
          ) : !found ? (
            <p id="verify-result" role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
              {t("unknown")}
            </p>
          ) : (
            <div className="space-y-3 rounded-xl border-2 border-emerald-600 bg-white p-5 shadow-sm">
              <p id="verify-result" role="status" className="font-semibold text-emerald-800">
                {t("genuine")}
              </p>
              <dl className="space-y-2 text-sm">
                {row(t("receiptCode"), <span className="font-mono">{found.code}</span>)}
                {row(t("document"), found.kind === "receipt" ? t("kindReceipt") : t("kindStatement"))}
                {row(t("organisation"), found.organisation ?? <span className="font-normal text-slate-700 italic">{t("hiddenName")}</span>)}
                {found.kind === "receipt" ? (
                  <>
                    {row(t("pledge"), found.reference)}
                    {row(t("item"), found.item)}
                    {row(t("quantity"), `${format.number(found.quantity)} ${tUnit(found.unit, { count: found.quantity })}`)}
                    {row(t("place"), found.place)}
                    {row(t("program"), locale === "en" ? found.program.nameEn : found.program.nameId)}
                    {row(t("confirmed"), found.confirmedAt ? jakartaToday(found.confirmedAt) : "—")}
                  </>
                ) : (
                  <>
                    {row(t("year"), found.year)}
                    {row(t("contributions"), format.number(found.pledgeCount))}
                    {row(t("issued"), jakartaToday(found.issuedAt))}
                  </>
                )}
              </dl>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
