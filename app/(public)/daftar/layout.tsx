import { ClientMessages, type MessagePick } from "@/components/client-messages.tsx";

const MESSAGES: MessagePick = { auth: true, form: true };

// This segment's forms are client components that read translations.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages pick={MESSAGES}>{children}</ClientMessages>;
}
