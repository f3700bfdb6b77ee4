import { ClientMessages, type MessagePick } from "@/components/client-messages.tsx";

const MESSAGES: MessagePick = { auth: ["submitting"], form: true, collaborations: ["queue"] };

// The routing and step forms are client components that read translations.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages pick={MESSAGES}>{children}</ClientMessages>;
}
