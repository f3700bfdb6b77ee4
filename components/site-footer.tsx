import { useTranslations } from "next-intl";
import Link from "next/link";

export function SiteFooter() {
  const t = useTranslations("footer");
  const tOpenData = useTranslations("openData");
  const tCollaborators = useTranslations("collaborators");
  const tReports = useTranslations("reports");
  const tCollaborations = useTranslations("collaborations");
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-8 text-sm text-slate-600">
        <p>{t("about")}</p>
        <p>{t("privacy")}</p>
        {/* Not prefetched on every page view. */}
        <p className="flex flex-wrap gap-x-4 gap-y-1 font-semibold text-brand-700">
          <Link href="/data" prefetch={false} className="hover:underline">
            {tOpenData("footerLink")}
          </Link>
          <Link href="/kolaborator" prefetch={false} className="hover:underline">
            {tCollaborators("navLink")}
          </Link>
          <Link href="/kolaborasi" prefetch={false} className="hover:underline">
            {tCollaborations("navLink")}
          </Link>
          <Link href="/laporkan" prefetch={false} className="hover:underline">
            {tReports("linkLabel")}
          </Link>
        </p>
        <p className="text-xs">{t("dataAttribution")}</p>
      </div>
    </footer>
  );
}
