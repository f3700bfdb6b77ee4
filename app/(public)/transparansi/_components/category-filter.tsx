import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { ACTIVE_CATEGORIES } from "@/lib/programs/categories.ts";

/** Links, not a form: each choice is a shareable URL and needs no JavaScript. */
export function CategoryFilter({ selected, hrefFor }: { selected?: ProgramCategory; hrefFor: (category?: ProgramCategory) => string }) {
  const t = useTranslations("transparency");
  const tCategory = useTranslations("category");
  const options: { key: string; category?: ProgramCategory; label: string }[] = [
    { key: "all", label: t("allCategories") },
    ...ACTIVE_CATEGORIES.map((category) => ({ key: category, category, label: tCategory(`${category}.short`) })),
  ];
  return (
    <nav aria-label={t("categoryFilter")}>
      <ul className="flex flex-wrap gap-2">
        {options.map((option) => {
          const current = option.category === selected;
          return (
            <li key={option.key}>
              <Link
                href={hrefFor(option.category)}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1.5 text-sm font-medium ${
                  current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
                }`}
              >
                {option.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
