import { ClientMessages, type MessagePick } from "@/components/client-messages.tsx";

const MESSAGES: MessagePick = {
  auth: ["submitting"],
  category: true,
  form: true,
  needAdmin: true,
  needImport: true,
  needStatus: true,
  pledge: ["requiredMark", "action"],
  priority: true,
  programAdmin: true,
  reports: ["queue"],
  review: true,
  staff: true,
  unit: true,
};

// This segment's forms are client components that read translations.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages pick={MESSAGES}>{children}</ClientMessages>;
}
