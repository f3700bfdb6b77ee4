import { getTranslations } from "next-intl/server";
import type { Caller } from "@/lib/auth/guards.ts";
import { queryString } from "@/lib/coverage/schema.ts";
import type { ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { kelurahanCoverage, kelurahanWaitingReview } from "@/lib/map/queries.ts";
import { catalogueQueryString } from "@/lib/needs/schema.ts";
import { CoverageMap } from "./coverage-map.tsx";
import { WaitingReviewMap } from "./waiting-review-map.tsx";

interface AreaMapProps {
  /** The kota, kecamatan or kelurahan the page shows: the map zooms to its kota. */
  within?: string;
  category?: ProgramCategory;
  /** A kelurahan to outline (its own page). */
  current?: string;
}

function Section({ title, hint, children }: { title: string; hint: string; children: React.ReactNode }) {
  return (
    <section id="peta" aria-labelledby="peta-heading" className="scroll-mt-4 space-y-3">
      <div>
        <h2 id="peta-heading" className="text-xl font-bold text-ink">
          {title}
        </h2>
        <p className="text-sm text-slate-700">{hint}</p>
      </div>
      {children}
    </section>
  );
}

/**
 * The transparency pages' map: the uncovered share per kelurahan for the category shown.
 * A kelurahan opens its transparency page; the kota buttons drill the page down alike; the
 * table of the same numbers is the catalogue's table view.
 */
export async function TransparencyMap({ within, category, current }: AreaMapProps) {
  const [rows, t] = await Promise.all([kelurahanCoverage({ category }), getTranslations("map")]);
  const kota = within?.slice(0, 5);
  return (
    <Section title={t("coverageTitle")} hint={t("transparencyHint")}>
      <CoverageMap
        rows={rows}
        kota={kota}
        current={current}
        href={(code) => `/transparansi/kelurahan/${code}${queryString({ category })}`}
        zoomHref={(zoom) => `/transparansi${queryString({ category, kota: zoom ?? undefined })}#peta`}
        tableHref={`/kebutuhan${catalogueQueryString({ category, kota, view: "table" })}`}
      />
    </Section>
  );
}

export const DASHBOARD_MAP_MODES = ["cakupan", "tinjauan"] as const;
export type DashboardMapMode = (typeof DASHBOARD_MAP_MODES)[number];

/**
 * The staff dashboard's map: either the uncovered share, or the pledges waiting for review
 * per kelurahan (then a kelurahan opens the review queue of its kota).
 */
export async function DashboardMap({
  caller,
  within,
  category,
  mode,
  hrefFor,
}: AreaMapProps & {
  caller: Caller;
  mode: DashboardMapMode;
  /** The dashboard's own address with other map settings (mode or kota). */
  hrefFor: (change: { mode?: DashboardMapMode; kota?: string | null }) => string;
}) {
  const t = await getTranslations("map");
  const kota = within?.slice(0, 5);
  const switcher = (
    <nav aria-label={t("modeLabel")} className="flex flex-wrap gap-2 text-sm">
      {DASHBOARD_MAP_MODES.map((option) => (
        <a
          key={option}
          href={hrefFor({ mode: option })}
          aria-current={option === mode ? "page" : undefined}
          className="rounded-md border border-slate-400 px-3 py-1.5 font-semibold text-slate-800 hover:bg-slate-100 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
        >
          {t(option === "cakupan" ? "modeCoverage" : "modeWaiting")}
        </a>
      ))}
    </nav>
  );
  const zoomHref = (zoom: string | null) => hrefFor({ kota: zoom });
  if (mode === "tinjauan") {
    const rows = await kelurahanWaitingReview(caller, { category });
    return (
      <Section title={t("waitingTitle")} hint={t("dashboardWaitingHint")}>
        {switcher}
        <WaitingReviewMap
          rows={rows}
          kota={kota}
          href={(code) => `/staf/janji${queryString({ status: "SUBMITTED", kota: code.slice(0, 5) })}`}
          zoomHref={zoomHref}
        />
      </Section>
    );
  }
  const rows = await kelurahanCoverage({ category });
  return (
    <Section title={t("coverageTitle")} hint={t("transparencyHint")}>
      {switcher}
      <CoverageMap
        rows={rows}
        kota={kota}
        href={(code) => `/transparansi/kelurahan/${code}${queryString({ category })}`}
        zoomHref={zoomHref}
        tableHref={`/kebutuhan${catalogueQueryString({ category, kota, view: "table" })}`}
      />
    </Section>
  );
}
