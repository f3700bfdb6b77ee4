import { getFormatter, getTranslations } from "next-intl/server";
import type { ManifestSheet as Sheet } from "@/lib/deliveries/queries.ts";

const cell = "border border-slate-400 px-2 py-2 align-top print:border-black";

/** One kelurahan's surat jalan: header, one row per pledge with room to sign, and signatures. */
export async function ManifestSheet({
  sheet,
  aggregator,
  date,
  first,
}: {
  sheet: Sheet;
  aggregator: string;
  date: string;
  first: boolean;
}) {
  const [t, tNav, tUnit, tBeneficiary, format] = await Promise.all([
    getTranslations("manifest"),
    getTranslations("nav"),
    getTranslations("unit"),
    getTranslations("beneficiary"),
    getFormatter(),
  ]);
  const headingId = `sheet-${sheet.kelurahan.code}`;
  return (
    <section
      aria-labelledby={headingId}
      className={`space-y-4 card p-4  sm:p-6 print:rounded-none print:border-0 print:p-0 print:shadow-none ${
        first ? "" : "print:break-before-page"
      }`}
    >
      <header className="space-y-3 border-b-2 border-slate-800 pb-3 print:border-black">
        <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase print:text-black">
          {tNav("brand")} · {tNav("brandTagline")}
        </p>
        <h2 id={headingId} className="text-xl font-bold text-ink print:text-black">
          {t("title")} · {sheet.kelurahan.name}
        </h2>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 print:grid-cols-2">
          <div className="flex gap-2">
            <dt className="font-medium text-slate-600 print:text-black">{t("aggregator")}:</dt>
            <dd className="font-semibold">{aggregator}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="font-medium text-slate-600 print:text-black">{t("date")}:</dt>
            <dd className="font-semibold">{date}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="font-medium text-slate-600 print:text-black">{t("kelurahan")}:</dt>
            <dd className="font-semibold">{sheet.kelurahan.name}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="font-medium text-slate-600 print:text-black">{t("area")}:</dt>
            <dd>
              {sheet.kecamatan}, {sheet.kota}
            </dd>
          </div>
        </dl>
      </header>

      {sheet.lines.length === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <div
          role="region"
          aria-label={t("tableLabel", { kelurahan: sheet.kelurahan.name })}
          tabIndex={0}
          className="relative overflow-x-auto print:overflow-visible"
        >
          <table className="w-full min-w-[52rem] border-collapse text-sm print:min-w-0 print:text-[9pt]">
            <caption className="sr-only">{t("tableLabel", { kelurahan: sheet.kelurahan.name })}</caption>
            <thead className="bg-slate-100 text-left print:bg-white">
              <tr>
                <th scope="col" className={`${cell} w-8`}>
                  {t("col.number")}
                </th>
                <th scope="col" className={cell}>
                  {t("col.code")}
                </th>
                <th scope="col" className={cell}>
                  {t("col.item")}
                </th>
                <th scope="col" className={`${cell} text-right`}>
                  {t("col.quantity")}
                </th>
                <th scope="col" className={cell}>
                  {t("col.recipients")}
                </th>
                <th scope="col" className={cell}>
                  {t("col.donor")}
                </th>
                <th scope="col" className={`${cell} w-36 print:w-28`}>
                  {t("col.signature")}
                </th>
                <th scope="col" className={`${cell} w-36 print:w-28`}>
                  {t("col.officer")}
                </th>
              </tr>
            </thead>
            <tbody>
              {sheet.lines.map((line, index) => (
                <tr key={line.id} className="break-inside-avoid">
                  <td className={`${cell} text-right`}>{index + 1}</td>
                  <td className={`${cell} font-mono whitespace-nowrap`}>
                    {line.reference}
                    {line.overdue && (
                      <span className="block font-sans text-xs font-semibold text-red-800 print:text-black">{t("overdue")}</span>
                    )}
                  </td>
                  <td className={cell}>{line.item}</td>
                  <td className={`${cell} text-right`}>
                    <span className="font-semibold whitespace-nowrap">{format.number(line.quantity)}</span>{" "}
                    {tUnit(line.unit, { count: line.quantity })}
                    {line.pledged !== line.quantity && (
                      <span className="block text-xs text-slate-600 print:text-black">
                        {t("ofPledged", { pledged: format.number(line.pledged) })}
                      </span>
                    )}
                  </td>
                  <td className={cell}>
                    {tBeneficiary(line.recipientKind, { count: line.recipients })}
                    {line.rw !== null && <span className="block text-xs text-slate-600 print:text-black">{t("rw", { rw: line.rw })}</span>}
                  </td>
                  <td className={cell}>{line.donorName ?? t("donorNotShown")}</td>
                  <td className={`${cell} h-16`}>
                    <span className="sr-only">{t("blank")}</span>
                  </td>
                  <td className={cell}>
                    <span className="sr-only">{t("blank")}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sheet.lines.length > 0 && <p className="text-xs text-slate-600 print:text-black">{t("recipientsNote")}</p>}

      <footer className="grid break-inside-avoid grid-cols-1 gap-6 pt-4 text-sm sm:grid-cols-3 print:grid-cols-3">
        {(["handedOver", "received", "acknowledged"] as const).map((role) => (
          <div key={role} className="space-y-1">
            <p className="min-h-10 font-medium">{t(`sign.${role}`)}</p>
            <div className="h-20 border-b border-slate-500 print:border-black" aria-hidden="true" />
            <p className="text-xs text-slate-600 print:text-black">{t("sign.nameAndDate")}</p>
          </div>
        ))}
      </footer>
    </section>
  );
}
