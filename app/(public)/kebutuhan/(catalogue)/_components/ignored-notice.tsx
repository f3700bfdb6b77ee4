import { useTranslations } from "next-intl";
import { SEARCH_MAX_LENGTH, type CatalogueFilterName } from "@/lib/needs/schema.ts";

/** Says which filters were present but invalid, and therefore ignored. */
export function IgnoredNotice({ rejected }: { rejected: CatalogueFilterName[] }) {
  const t = useTranslations("catalogue");
  const tMap = useTranslations("map");
  if (rejected.length === 0) return null;
  const fields = rejected.map((name) => (name === "view" ? tMap("ignoredView") : t(`ignoredField.${name}`, { max: SEARCH_MAX_LENGTH })));
  return (
    <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      {t("ignored", { fields: fields.join(", ") })}
    </p>
  );
}
