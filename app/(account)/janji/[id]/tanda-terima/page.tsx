import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PrintButton } from "@/components/print-button.tsx";
import { QrCode } from "@/components/qr-code.tsx";
import { GuardError } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { isoDate, jakartaToday } from "@/lib/dates.ts";
import { portalLink } from "@/lib/notifications/mail.ts";
import { receiptFor } from "@/lib/receipts/queries.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("receipt"))("title"), robots: { index: false } };
}

const pledgeId = z.string().regex(/^[a-z0-9_-]{1,64}$/i);

/** The Jakarta day of a moment, as the receipt prints it in both languages: ISO, unambiguous on paper. */
const day = (value: Date | null) => (value ? jakartaToday(value) : "—");

// The tanda terima of a confirmed pledge: bilingual on one page (a company files it with
// its CSR report whatever language it reads), printable on A4, with a public code and a
// QR code to /verifikasi where anyone can check it.
export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requirePageUser(`/janji/${id}/tanda-terima`);
  if (!pledgeId.safeParse(id).success) notFound();
  const receipt = await receiptFor(caller, id).catch((error: unknown) => {
    if (error instanceof GuardError) notFound();
    throw error;
  });
  const [tId, tEn, unitId, unitEn] = await Promise.all([
    getTranslations({ locale: "id", namespace: "receipt" }),
    getTranslations({ locale: "en", namespace: "receipt" }),
    getTranslations({ locale: "id", namespace: "unit" }),
    getTranslations({ locale: "en", namespace: "unit" }),
  ]);
  type Key = Parameters<typeof tId>[0];
  const both = (key: Key) => (
    <>
      <span className="block font-semibold text-ink">{tId(key)}</span>
      <span className="block text-xs text-slate-600 italic" lang="en">
        {tEn(key)}
      </span>
    </>
  );
  const verifyUrl = portalLink(`/verifikasi?kode=${receipt.receiptCode}`);
  const quantity = receipt.deliveredQuantity;
  const rows: [Key, React.ReactNode][] = [
    ["pledge", receipt.reference],
    ["organisation", receipt.donorOrganisation.name],
    ["item", receipt.need.item],
    [
      "quantity",
      <>
        {quantity} {unitId(receipt.need.unit, { count: quantity })}{" "}
        <span lang="en" className="text-slate-600">
          ({unitEn(receipt.need.unit, { count: quantity })})
        </span>
      </>,
    ],
    ["place", `${receipt.need.kelurahan.name}, ${receipt.need.kecamatan.name}, ${receipt.need.kota.name}`],
    [
      "program",
      <>
        {receipt.need.program.nameId}{" "}
        <span lang="en" className="text-slate-600">
          ({receipt.need.program.nameEn})
        </span>
      </>,
    ],
    [
      "deliverer",
      receipt.aggregatorOrganisation?.name ?? (
        <>
          {tId("direct")}{" "}
          <span lang="en" className="text-slate-600">
            ({tEn("direct")})
          </span>
        </>
      ),
    ],
  ];
  const steps: [Key, string][] = [
    ["submitted", day(receipt.steps.submitted)],
    ["approved", day(receipt.steps.approved)],
    ["scheduled", day(receipt.steps.scheduled)],
    ["deliveries", receipt.deliveryUpdates.map((update) => `${isoDate(update.deliveredOn)} (${update.quantity})`).join(", ")],
    ["delivered", day(receipt.steps.delivered)],
    ["confirmed", day(receipt.steps.confirmed)],
  ];

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex justify-end print:hidden">
        <PrintButton label={`${tId("print")} / ${tEn("print")}`} />
      </div>
      <article
        aria-labelledby="receipt-title"
        className="space-y-6 rounded-xl border border-slate-300 bg-white p-5 shadow-sm sm:p-8 print:rounded-none print:border-0 print:p-0 print:shadow-none"
      >
        <header className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-300 pb-4">
          <div className="min-w-0 space-y-1">
            <p className="text-sm font-semibold text-brand-700">KSBB Jakarta · Pemprov DKI Jakarta · JDCN</p>
            <h1 id="receipt-title" className="text-2xl font-bold text-ink">
              {tId("title")}
              <span className="block text-base font-normal text-slate-600 italic" lang="en">
                {tEn("title")}
              </span>
            </h1>
          </div>
          <div className="text-right">
            {both("receiptCode")}
            <p className="mt-1 font-mono text-lg font-bold tracking-wide break-all text-ink" data-testid="receipt-code">
              {receipt.receiptCode}
            </p>
          </div>
        </header>
        <p className="text-sm text-slate-800">
          {tId("lead")}
          <span className="mt-1 block text-slate-600 italic" lang="en">
            {tEn("lead")}
          </span>
        </p>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[minmax(10rem,auto)_1fr]">
          {rows.map(([key, value]) => (
            <div key={key} className="contents">
              <dt>{both(key)}</dt>
              <dd className="break-words text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="steps-heading" className="space-y-2">
          <h2 id="steps-heading" className="text-sm">
            {both("steps")}
          </h2>
          <ol className="grid gap-2 text-sm sm:grid-cols-3">
            {steps.map(([key, value]) => (
              <li key={key} className="rounded-md border border-slate-200 p-2 break-inside-avoid">
                {both(key)}
                <span className="mt-1 block font-mono text-slate-900">{value}</span>
              </li>
            ))}
          </ol>
        </section>
        <div className="grid gap-4 border-t border-slate-300 pt-4 text-sm sm:grid-cols-[1fr_auto]">
          <div className="space-y-2">
            {both("confirmedBy")}
            <p className="text-slate-900">{[receipt.confirmedBy.person, receipt.confirmedBy.office].filter(Boolean).join(", ") || "—"}</p>
            <p className="text-xs wrap-anywhere text-slate-700">
              {tId("verify", { url: verifyUrl })}
              <span className="block italic" lang="en">
                {tEn("verify", { url: verifyUrl })}
              </span>
            </p>
          </div>
          <QrCode value={verifyUrl} label={`${tId("qr")} / ${tEn("qr")}`} size={120} />
        </div>
      </article>
    </div>
  );
}
