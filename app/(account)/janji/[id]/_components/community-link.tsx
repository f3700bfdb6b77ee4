import { useFormatter, useTranslations } from "next-intl";
import { QrCode } from "@/components/qr-code.tsx";
import { communityLinkPath } from "@/lib/deliveries/community.ts";
import { portalLink } from "@/lib/notifications/mail.ts";

interface Confirmation {
  id: string;
  expiresAt: Date;
  confirmedAt: Date | null;
  quantityReceived: number | null;
}

/** A delivery's community confirmation: the link and its QR code while open, else what came of it. */
export function CommunityLink({ confirmation, delivered }: { confirmation: Confirmation; delivered: number }) {
  const t = useTranslations("community");
  const format = useFormatter();
  if (confirmation.confirmedAt && confirmation.quantityReceived !== null) {
    return (
      <p className="font-medium text-emerald-800" data-community="used">
        {t("linkUsed", { received: format.number(confirmation.quantityReceived), delivered: format.number(delivered) })}
      </p>
    );
  }
  if (confirmation.expiresAt <= new Date()) return <p className="text-slate-600">{t("linkExpired")}</p>;
  const link = portalLink(communityLinkPath(confirmation.id));
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3" data-community="open">
      <p className="font-medium text-ink">{t("linkTitle")}</p>
      <p className="text-slate-700">
        {t("linkLead", { date: format.dateTime(confirmation.expiresAt, { dateStyle: "long", timeZone: "Asia/Jakarta" }) })}
      </p>
      <p className="break-all">
        <a href={link} className="text-brand-700 underline" data-community-link>
          {link}
        </a>
      </p>
      <QrCode value={link} label={t("qrLabel")} size={144} />
    </div>
  );
}
