import { ClientMessages, type MessagePick } from "@/components/client-messages.tsx";

const MESSAGES: MessagePick = { auth: ["confirm", "submitting"], form: true };

// This segment's form is a client component that reads translations.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages pick={MESSAGES}>{children}</ClientMessages>;
}
