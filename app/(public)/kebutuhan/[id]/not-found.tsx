import { getTranslations } from "next-intl/server";
import { ErrorPanel } from "@/components/error-panel.tsx";

export default async function NeedNotFound() {
  const [t, tNeed] = await Promise.all([getTranslations("errors"), getTranslations("need")]);
  return (
    <ErrorPanel
      title={t("needNotFoundTitle")}
      body={t("needNotFoundBody")}
      links={[
        { href: "/kebutuhan", label: tNeed("backToCatalogue") },
        { href: "/", label: t("goHome") },
      ]}
    />
  );
}
