import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header.tsx";
import { COMMUNITY_LINK_DAYS, communityLink, communityToken } from "@/lib/deliveries/community.ts";
import { CommunityForm } from "./_components/community-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("community");
  // The token is the permission: the address is never sent on to another site.
  return { title: t("title"), referrer: "no-referrer", robots: { index: false } };
}

// A recipient representative's page: what was delivered, in counts, and how much arrived.
export default async function CommunityConfirmationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const parsed = communityToken.safeParse(token);
  const [link, t, tUnit, format] = await Promise.all([
    parsed.success ? communityLink(parsed.data) : null,
    getTranslations("community"),
    getTranslations("unit"),
    getFormatter(),
  ]);
  const notice = (text: string) => (
    <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      {text}
    </p>
  );
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      {!link ? (
        notice(t("unknown"))
      ) : (
        <>
          <section aria-labelledby="delivery-heading" className="card p-5">
            <h2 id="delivery-heading" className="card-title">
              {t("delivery")}
            </h2>
            <dl className="mt-3 space-y-3 text-sm">
              <div className="fact-row">
                <dt>{t("item")}</dt>
                <dd>{link.item}</dd>
              </div>
              <div className="fact-row">
                <dt>{t("place")}</dt>
                <dd>
                  {[link.rw === null ? null : `RW ${String(link.rw).padStart(2, "0")}`, link.kelurahan, link.kecamatan]
                    .filter(Boolean)
                    .join(", ")}
                </dd>
              </div>
              <div className="fact-row">
                <dt>{t("deliveredOn")}</dt>
                <dd>{format.dateTime(link.deliveredOn, { dateStyle: "long", timeZone: "UTC" })}</dd>
              </div>
              <div className="fact-row">
                <dt>{t("quantity")}</dt>
                <dd>
                  {format.number(link.quantity)} {tUnit(link.unit, { count: link.quantity })}
                </dd>
              </div>
            </dl>
          </section>
          {link.state === "used" && notice(t("used"))}
          {link.state === "expired" && notice(t("expired", { days: COMMUNITY_LINK_DAYS }))}
          {link.state === "open" && (
            <CommunityForm token={parsed.data!} max={link.quantity} unitLabel={tUnit(link.unit, { count: link.quantity })} />
          )}
        </>
      )}
    </div>
  );
}
