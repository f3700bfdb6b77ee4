import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header.tsx";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "./_components/accept-invitation-form.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("invitationTitle"), robots: { index: false } };
}

// The token is checked when the form is sent, so a guessed link reveals nothing.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader title={t("invitationTitle")} lead={t("invitationLead")} />
      <AcceptInvitationForm token={token.slice(0, 100)} />
    </div>
  );
}
