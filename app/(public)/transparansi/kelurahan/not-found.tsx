import { getTranslations } from "next-intl/server";
import { ErrorPanel } from "@/components/error-panel.tsx";

export default async function KelurahanNotFound() {
  const [t, tErrors] = await Promise.all([getTranslations("transparency"), getTranslations("errors")]);
  return (
    <ErrorPanel
      title={t("kelurahanNotFoundTitle")}
      body={t("kelurahanNotFoundBody")}
      links={[
        { href: "/transparansi", label: t("backToTransparency") },
        { href: "/", label: tErrors("goHome") },
      ]}
    />
  );
}
