import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { categoryTotals } from "@/lib/needs/queries.ts";
import { CATEGORY_KEYS } from "@/lib/programs/categories.ts";
import { CategoryCard } from "./_components/category-card.tsx";

export default async function HomePage() {
  const [t, tTransparency, totals] = await Promise.all([getTranslations("home"), getTranslations("transparency"), categoryTotals()]);
  const steps = [
    [t("step1Title"), t("step1")],
    [t("step2Title"), t("step2")],
    [t("step3Title"), t("step3")],
  ] as const;
  return (
    <div className="space-y-12">
      <section className="rounded-2xl bg-ink px-6 py-10 text-white sm:px-10 sm:py-14">
        <p className="text-sm font-semibold tracking-wide text-brand-100 uppercase">{t("eyebrow")}</p>
        <h1 className="mt-3 max-w-3xl text-3xl font-bold sm:text-4xl">{t("title")}</h1>
        <p className="mt-4 max-w-3xl text-base text-slate-200 sm:text-lg">{t("lead")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            href="/kebutuhan"
            className="inline-block rounded-md bg-brand-700 px-5 py-3 font-semibold text-white ring-1 ring-brand-100/40 hover:bg-brand-800"
          >
            {t("browseNeeds")}
          </Link>
          <Link
            href="/transparansi"
            className="inline-block rounded-md px-5 py-3 font-semibold text-white ring-1 ring-white/60 hover:bg-white/10"
          >
            {tTransparency("homeLink")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="how-heading">
        <h2 id="how-heading" className="text-xl font-bold text-ink">
          {t("howTitle")}
        </h2>
        <ol className="mt-4 grid gap-4 sm:grid-cols-3">
          {steps.map(([title, body], index) => (
            <li key={title} className="card p-5">
              <span aria-hidden="true" className="grid size-8 place-items-center rounded-full bg-brand-50 font-bold text-brand-700">
                {index + 1}
              </span>
              <h3 className="mt-3 font-semibold text-ink">{title}</h3>
              <p className="mt-1 text-sm text-slate-700">{body}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="categories-heading" className="space-y-4">
        <div>
          <h2 id="categories-heading" className="text-xl font-bold text-ink">
            {t("categoriesTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("categoriesLead")}</p>
        </div>
        <ul className="grid gap-4 md:grid-cols-2">
          {CATEGORY_KEYS.map((category) => (
            <li key={category}>
              <CategoryCard category={category} totals={totals.filter((row) => row.category === category)} />
            </li>
          ))}
        </ul>
        <p className="text-sm">
          <Link href="/transparansi" className="font-semibold text-brand-700 hover:underline">
            {tTransparency("homeMore")} →
          </Link>
        </p>
      </section>
    </div>
  );
}
