import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { dateOnly, jakartaToday } from "@/lib/dates.ts";
import { deliveryManifest, MANIFEST_LIMIT } from "@/lib/deliveries/queries.ts";
import { manifestParams } from "@/lib/deliveries/schema.ts";
import { kelurahanPath } from "@/lib/regions/queries.ts";
import { queueHref } from "../_components/queue-href.ts";
import { ManifestSheet } from "./_components/manifest-sheet.tsx";
import { PrintButton } from "@/components/print-button.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manifest"))("title"), robots: { index: false } };
}

export default async function DeliveryManifestPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const caller = await requirePageUser("/agregator/penyaluran/surat-jalan", ["AGGREGATOR"]);
  const params = manifestParams.parse(await searchParams);
  const today = jakartaToday();
  const day = params.tanggal ?? today;
  const [{ sheets, truncated }, t, format] = await Promise.all([
    deliveryManifest(caller, { day, kelurahan: params.kelurahan }, today),
    getTranslations("manifest"),
    getFormatter(),
  ]);
  // A kelurahan with nothing planned still gets its (empty) sheet, named from the region table.
  const place = params.kelurahan && sheets.length === 0 ? await kelurahanPath(params.kelurahan) : null;
  const shown = place ? [{ kelurahan: place.kelurahan, kecamatan: place.kecamatan.name, kota: place.kota.name, lines: [] }] : sheets;
  const date = format.dateTime(dateOnly(day), { dateStyle: "full", timeZone: "UTC" });

  return (
    <div className="space-y-6 print:space-y-0 print:text-black">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <div>
          <h1 className="text-2xl font-bold text-ink">{t("title")}</h1>
          <p className="text-slate-700">{t("lead", { date })}</p>
        </div>
        <div className="flex w-full flex-wrap gap-3 sm:w-auto">
          <PrintButton label={t("print")} />
          <Link
            href={queueHref({ tab: "today" })}
            className="inline-flex min-h-11 items-center justify-center rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100 max-sm:w-full"
          >
            {t("back")}
          </Link>
        </div>
      </div>
      {truncated && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 print:hidden">
          {t("truncated", { limit: MANIFEST_LIMIT })}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">{t("noneThatDay")}</p>
      ) : (
        shown.map((sheet, index) => (
          <ManifestSheet key={sheet.kelurahan.code} sheet={sheet} aggregator={caller.organisation.name} date={date} first={index === 0} />
        ))
      )}
    </div>
  );
}
