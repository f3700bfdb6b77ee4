import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";
import { ENDPOINT_NAMES } from "@/lib/api/endpoints.ts";
import { CATEGORIES, CATEGORY_KEYS } from "@/lib/programs/categories.ts";
import { OPEN_DATA_LICENCE } from "@/lib/open-data/datasets.ts";
import { publicNeedCount } from "@/lib/open-data/queries.ts";
import { DatasetSection } from "./_components/dataset-section.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("openData");
  return { title: t("title"), description: t("lead") };
}

const ENDPOINT_TEXT = {
  needs: "endpointNeeds",
  programs: "endpointPrograms",
  regions: "endpointRegions",
  coverage: "endpointCoverage",
  collaborations: "endpointCollaborations",
} as const;
const linkClass = "font-semibold text-brand-700 hover:underline";

// Public: what the city publishes, under which licence, and where to get it.
export default async function OpenDataPage() {
  const [t, tCategory, tUnit, needCount] = await Promise.all([
    getTranslations("openData"),
    getTranslations("category"),
    getTranslations("unit"),
    publicNeedCount(),
  ]);
  const units = CATEGORY_KEYS.flatMap((category) => CATEGORIES[category].units);

  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} lead={t("lead")} />

      <section aria-labelledby="licence" className="space-y-2 rounded-xl border border-brand-100 bg-brand-50 p-5">
        <h2 id="licence" className="text-lg font-semibold text-ink">
          {t("licenceTitle")}
        </h2>
        <p className="text-slate-800">{t("licenceBody", { licence: OPEN_DATA_LICENCE.name })}</p>
        <p className="text-slate-800">{t("privacy")}</p>
        <p className="text-sm text-slate-700">{t("freshness")}</p>
      </section>

      <DatasetSection dataset="kebutuhan" rows={t("rows", { count: needCount })} />
      <DatasetSection dataset="penyaluran" />
      <DatasetSection dataset="kolaborasi" />

      <section aria-labelledby="format" className="space-y-3">
        <h2 id="format" className="text-xl font-semibold text-ink">
          {t("formatTitle")}
        </h2>
        <p className="max-w-3xl text-slate-700">{t("formatCsv")}</p>
        <p className="max-w-3xl text-slate-700">{t("formatJson")}</p>
        <p className="max-w-3xl text-slate-700">{t("formatValues")}</p>
        <h3 className="pt-2 text-lg font-semibold text-ink">{t("hxlTitle")}</h3>
        <p className="max-w-3xl text-slate-700">{t("hxlBody")}</p>
      </section>

      <section aria-labelledby="codes" className="space-y-3">
        <h2 id="codes" className="text-xl font-semibold text-ink">
          {t("codesTitle")}
        </h2>
        <div className="grid items-start gap-6 sm:grid-cols-2">
          <CodeTable
            caption={t("categoriesCaption")}
            headers={[t("codeHeader"), t("nameHeader")]}
            rows={CATEGORY_KEYS.map((key) => [key, tCategory(`${key}.short`)])}
          />
          <CodeTable
            caption={t("unitsCaption")}
            headers={[t("codeHeader"), t("nameHeader")]}
            rows={units.map((unit) => [unit, tUnit(unit, { count: 2 })])}
          />
        </div>
      </section>

      <section aria-labelledby="api" className="space-y-3">
        <h2 id="api" className="text-xl font-semibold text-ink">
          {t("apiTitle")}
        </h2>
        <p className="max-w-3xl text-slate-700">{t("apiBody")}</p>
        <p>
          {/* A JSON route handler, not a page: a plain full navigation is right here. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/api/v1" className={linkClass}>
            {t("apiIndex")}
          </a>{" "}
          <code className="text-sm text-slate-600">/api/v1</code>
        </p>
        <ul className="space-y-1 text-slate-700">
          {ENDPOINT_NAMES.map((name) => (
            <li key={name} className="break-words">
              <a href={`/api/v1/${name}`} className={`${linkClass} font-mono text-sm`}>
                /api/v1/{name}
              </a>{" "}
              — {t(ENDPOINT_TEXT[name])}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="regions" className="space-y-2">
        <h2 id="regions" className="text-xl font-semibold text-ink">
          {t("regionTitle")}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{t("regionBody")}</p>
      </section>
    </div>
  );
}

function CodeTable({ caption, headers, rows }: { caption: string; headers: [string, string]; rows: [string, string][] }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="pb-2 text-left font-semibold text-ink">{caption}</caption>
      <thead className="border-b border-slate-200 text-slate-600">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            {headers[0]}
          </th>
          <th scope="col" className="py-1 font-medium">
            {headers[1]}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map(([code, name]) => (
          <tr key={code}>
            <td className="py-1 pr-3 font-mono text-xs break-all">{code}</td>
            <td className="py-1 text-slate-700">{name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
