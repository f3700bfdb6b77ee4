import { randomUUID } from "node:crypto";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/guards.ts";
import { isoDate, jakartaToday } from "@/lib/dates.ts";
import type { NeedUnit } from "@/lib/generated/prisma/enums.ts";
import { aggregatorsServing } from "@/lib/pledges/queries.ts";
import { ClientMessages } from "@/components/client-messages.tsx";
import { CONFIRMATION_MESSAGES, PLEDGE_FORM_MESSAGES } from "./pledge-messages.ts";
import { EmailConfirmationNotice } from "@/components/account/email-confirmation.tsx";
import { PledgeForm } from "./pledge-form.tsx";

interface PledgePanelProps {
  need: {
    id: string;
    status: string;
    unit: NeedUnit;
    targetQuantity: number;
    pledgedQuantity: number;
    deadline: Date;
    kelurahan: { code: string };
  };
}

/** Who sees what: a guest is invited to sign in, a donor gets the form (once their address is confirmed), others nothing. */
export async function PledgePanel({ need }: PledgePanelProps) {
  const [user, t, tUnit, format] = await Promise.all([currentUser(), getTranslations("pledge"), getTranslations("unit"), getFormatter()]);
  const remaining = need.targetQuantity - need.pledgedQuantity;
  const today = jakartaToday();
  const open = need.status === "OPEN" && remaining > 0 && isoDate(need.deadline) >= today;
  if (user && user.role !== "DONOR") return null;
  // Where sign-in, registration and the confirmation link bring a donor back: this form.
  const formPath = `/kebutuhan/${need.id}#janji`;
  return (
    <section id="janji" aria-labelledby="pledge-heading" className="panel-emphasis">
      <h2 id="pledge-heading" className="card-title">
        {t("formTitle")}
      </h2>
      <p className="mb-4 text-sm text-slate-700">{t("formLead")}</p>
      {!open ? (
        <p className="text-sm text-slate-700">{t("closed")}</p>
      ) : !user ? (
        <div className="space-y-3">
          <Link
            href={`/masuk?next=${encodeURIComponent(formPath)}`}
            className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {t("signInToPledge")}
          </Link>
          <p className="text-sm text-slate-700">
            {t("newDonor")}{" "}
            <Link href={`/daftar/donatur?next=${encodeURIComponent(formPath)}`} className="font-semibold text-brand-700 hover:underline">
              {t("registerToPledge")}
            </Link>
          </p>
        </div>
      ) : !user.emailVerified ? (
        <ClientMessages pick={CONFIRMATION_MESSAGES}>
          <EmailConfirmationNotice email={user.email} next={formPath} />
        </ClientMessages>
      ) : (
        <>
          {user.organisation.verificationStatus !== "VERIFIED" && (
            <p className="mb-3 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">{t("unverifiedDonor")}</p>
          )}
          <ClientMessages pick={PLEDGE_FORM_MESSAGES}>
            <PledgeForm
              needId={need.id}
              unitLabel={tUnit(need.unit, { count: 2 })}
              remaining={remaining}
              today={today}
              deadline={isoDate(need.deadline)}
              deadlineLabel={format.dateTime(need.deadline, { dateStyle: "long", timeZone: "UTC" })}
              aggregators={await aggregatorsServing(need.kelurahan.code)}
              idempotencyKey={randomUUID()}
            />
          </ClientMessages>
        </>
      )}
    </section>
  );
}
