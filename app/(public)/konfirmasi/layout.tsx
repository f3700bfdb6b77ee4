import { ClientMessages } from "@/components/client-messages.tsx";

// This segment's form is a client component that reads translations.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
