import { getTranslations } from "next-intl/server";
import { ErrorPanel } from "@/components/error-panel.tsx";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return <ErrorPanel title={t("notFoundTitle")} body={t("notFoundBody")} links={[{ href: "/", label: t("goHome") }]} />;
}
