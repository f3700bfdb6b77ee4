import { useTranslations } from "next-intl";
import Link from "next/link";
import { CODE_SLOT } from "@/lib/map/shapes-format.ts";
import { MAP_SHAPES, SEA_ISLANDS_KOTA, kotaOfKelurahan, mapViewBox, shapeHref } from "@/lib/map/shapes.ts";
import { SHADES } from "@/lib/map/shades.ts";
import { MapFocus } from "./map-focus.tsx";
import { MapLinks, type MapLinkItem, type MapLinksProps } from "./map-links.tsx";

// A choropleth of Jakarta's kelurahan as plain server-rendered SVG: every kelurahan is a
// link (focusable, clickable, with an accessible name that carries its numbers), so the
// map works without JavaScript. Shapes are <use> references into the static, cached
// sprite (lib/map/shapes.ts): a page carries only the colours and numbers. The only
// client code is MapFocus (the hover/focus card).

export interface MapRegion {
  code: string;
  name: string;
  kecamatan: string;
  kotaCode: string;
  kota: string;
  /** Index into SHADES, or null for the legend's "none" entry (e.g. no open need). */
  shade: number | null;
  /** The numbers in words, e.g. "38 % not yet covered"; read out and shown on hover and focus. */
  details: string[];
}

export interface MapLegend {
  title: string;
  /** One label per entry of SHADES, lightest first. */
  classes: readonly string[];
  /** What an unshaded kelurahan means. */
  none: string;
  /** "hatched" (default) when "none" must not pass for a pale shade, e.g. no open need; "plain" grey otherwise. */
  noneStyle?: "hatched" | "plain";
  note?: string;
}

export interface KelurahanMapProps {
  /** Unique on the page; prefixes the element ids. */
  id: string;
  /** The map's accessible name. */
  label: string;
  regions: readonly MapRegion[];
  legend: MapLegend;
  /** Where a kelurahan's link goes. */
  href: (code: string) => string;
  /** Shown zoomed to this kota (its kelurahan are the links; the rest is context). */
  kota?: string;
  /** Link to the map zoomed to a kota, or to the whole province (null). */
  zoomHref: (kota: string | null) => string;
  /** A kelurahan to outline, e.g. the catalogue's current filter. */
  current?: string;
}

export const NO_SHADE_FILL = "#f1f5f9";
const NO_SHADE_STRIPE = "#94a3b8";
const BORDER = "#ffffff";
const CONTEXT_FILL = "#e2e8f0";

export function KelurahanMap({ id, label, regions, legend, href, kota, zoomHref, current }: KelurahanMapProps) {
  const t = useTranslations("map");
  const zoomed = kota && MAP_SHAPES.kota[kota] ? kota : undefined;
  const viewBox = mapViewBox(zoomed);
  const [vx, vy, vw, vh] = viewBox;
  const inset = MAP_SHAPES.inset;
  const kotaNames = new Map(regions.map((region) => [region.kotaCode, shortKotaName(region.kota)]));
  const noneFill = legend.noneStyle === "plain" ? NO_SHADE_FILL : `url(#${id}-none)`;
  const fill = (shade: number | null) => (shade === null ? noneFill : (SHADES[shade] ?? NO_SHADE_FILL));
  const inView = (code: string) => !zoomed || kotaOfKelurahan(code) === zoomed;
  // Stripes about 6 px apart at 1280 px, whatever the zoom.
  const stripe = Math.round(vw / 150);

  return (
    <figure className="space-y-3" aria-labelledby={`${id}-label`}>
      <p id={`${id}-label`} className="sr-only">
        {label}
      </p>
      {/* One swipeable row on phones; Kepulauan Seribu last, as the city lists it. */}
      <nav aria-label={t("zoom")} className="-mx-1 flex gap-1.5 overflow-x-auto px-1 py-0.5 text-sm sm:flex-wrap">
        {[
          null,
          ...[...kotaNames.keys()].sort((a, b) => Number(a === SEA_ISLANDS_KOTA) - Number(b === SEA_ISLANDS_KOTA) || a.localeCompare(b)),
        ].map((code) => {
          const active = (code ?? undefined) === zoomed;
          return (
            <Link
              key={code ?? "all"}
              href={zoomHref(code)}
              aria-current={active ? "true" : undefined}
              className={`shrink-0 rounded-full px-3 py-1.5 whitespace-nowrap ring-1 ring-inset ${active ? "bg-ink text-white ring-ink" : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-100"}`}
            >
              {code ? kotaNames.get(code) : t("wholeJakarta")}
            </Link>
          );
        })}
      </nav>
      <a
        href={`#${id}-after`}
        className="sr-only focus:not-sr-only focus:inline-block focus:rounded focus:bg-white focus:px-2 focus:py-1 focus:text-sm"
      >
        {t("skipMap")}
      </a>
      <div className="relative overflow-hidden rounded-xl border border-slate-200 bg-sky-50" data-kelurahan-map={id}>
        <svg
          viewBox={viewBox.join(" ")}
          role="group"
          aria-labelledby={`${id}-label`}
          className="block h-auto w-full [&_a:focus]:outline-none [&_a:focus-visible_use]:stroke-ink [&_a:focus-visible_use]:[stroke-width:3] [&_a:hover_use]:stroke-ink [&_a:hover_use]:[stroke-width:2]"
        >
          <defs>
            <pattern id={`${id}-none`} patternUnits="userSpaceOnUse" width={stripe} height={stripe} patternTransform="rotate(45)">
              <rect width={stripe} height={stripe} fill={NO_SHADE_FILL} />
              <line x1={0} y1={0} x2={0} y2={stripe} stroke={NO_SHADE_STRIPE} strokeWidth={stripe / 3} />
            </pattern>
          </defs>
          {!zoomed && (
            <rect
              x={inset.x}
              y={inset.y}
              width={inset.width}
              height={inset.height}
              fill="#ffffff"
              fillOpacity={0.6}
              stroke={NO_SHADE_STRIPE}
              strokeWidth={1}
              vectorEffect="non-scaling-stroke"
            />
          )}
          <g stroke={BORDER} strokeWidth={0.75} strokeLinejoin="round">
            <MapLinks
              {...mapLinks(regions, { fill, inView, href, current, place: ({ name, kecamatan }) => t("place", { name, kecamatan }) })}
            />
          </g>
          {current && shapeHref(current) && inView(current) && (
            <use href={shapeHref(current)!} fill="none" stroke="#14213d" strokeWidth={3} pointerEvents="none" aria-hidden="true" />
          )}
        </svg>
        {!zoomed && (
          <p
            aria-hidden="true"
            className="pointer-events-none absolute px-1 pt-0.5 text-[0.6rem] leading-tight font-semibold text-slate-600 sm:text-xs"
            style={{
              left: `${((inset.x - vx) / vw) * 100}%`,
              top: `${((inset.y - vy) / vh) * 100}%`,
              width: `${(inset.width / vw) * 100}%`,
            }}
          >
            {t("inset")}
          </p>
        )}
        <MapFocus viewBox={viewBox.join(" ")} />
      </div>
      <figcaption className="space-y-2 text-sm text-slate-700">
        <MapLegendView id={id} legend={legend} />
        <p className="text-xs text-slate-600">{t("attribution")}</p>
      </figcaption>
      <span id={`${id}-after`} tabIndex={-1} />
    </figure>
  );
}

function MapLegendView({ id, legend }: { id: string; legend: MapLegend }) {
  const swatch = "inline-block size-4 shrink-0 rounded-sm ring-1 ring-slate-400 ring-inset";
  return (
    <div aria-labelledby={`${id}-legend`} role="group">
      <p id={`${id}-legend`} className="font-semibold text-ink">
        {legend.title}
      </p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {legend.classes.map((label, index) => (
          <li key={label} className="flex items-center gap-1.5">
            <span className={swatch} style={{ backgroundColor: SHADES[index] }} />
            {label}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span
            className={swatch}
            style={{
              background:
                legend.noneStyle === "plain"
                  ? NO_SHADE_FILL
                  : `repeating-linear-gradient(45deg, ${NO_SHADE_FILL} 0 3px, ${NO_SHADE_STRIPE} 3px 5px)`,
            }}
          />
          {legend.none}
        </li>
      </ul>
      {legend.note && <p className="mt-1 text-xs text-slate-600">{legend.note}</p>}
    </div>
  );
}

/**
 * The props of the link layer: each colour once, every link from one template when the
 * href builder follows one (it always does today; a per-code map otherwise).
 */
function mapLinks(
  regions: readonly MapRegion[],
  {
    fill,
    inView,
    href,
    current,
    place,
  }: {
    fill: (shade: number | null) => string;
    inView: (code: string) => boolean;
    href: (code: string) => string;
    current?: string;
    place: (region: { name: string; kecamatan: string }) => string;
  },
): MapLinksProps {
  const fills: string[] = [];
  const fillIndex = (colour: string) => (fills.includes(colour) ? fills.indexOf(colour) : fills.push(colour) - 1);
  const template = href(CODE_SLOT);
  const shown = regions.filter((region) => shapeHref(region.code));
  const templated = shown.every((region) => href(region.code) === template.replace(CODE_SLOT, region.code));
  const items = shown.map((region): MapLinkItem => {
    // Outside the zoomed kota: grey context, not links, so Tab stays inside the view.
    if (!inView(region.code)) return [region.code, fillIndex(CONTEXT_FILL)];
    const label = `${place(region)}: ${region.details.join("; ")}`;
    // Islands are specks at this scale: an outline in their own colour makes them visible.
    if (kotaOfKelurahan(region.code) !== SEA_ISLANDS_KOTA) return [region.code, fillIndex(fill(region.shade)), label];
    const outline = region.shade === null ? NO_SHADE_STRIPE : fill(region.shade);
    return [region.code, fillIndex(fill(region.shade)), label, fillIndex(outline)];
  });
  return {
    items,
    fills,
    hrefTemplate: templated ? template : null,
    ...(!templated && { hrefs: Object.fromEntries(shown.map((region) => [region.code, href(region.code)])) }),
    sprite: MAP_SHAPES.sprite,
    current,
  };
}

/** "Kota Administrasi Jakarta Pusat" → "Jakarta Pusat", for the zoom buttons and tables. */
export function shortKotaName(name: string): string {
  return name.replace(/^(Kota|Kabupaten) Administrasi /, "");
}
