import { ClientMessages, type MessagePick } from "@/components/client-messages.tsx";

const MESSAGES: MessagePick = {
  auth: ["submitting"],
  form: ["notSent"],
  community: ["quantityReceived", "quantityHint", "note", "noteHint", "submit"],
};

// The confirmation form is a client component that reads translations.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages pick={MESSAGES}>{children}</ClientMessages>;
}
