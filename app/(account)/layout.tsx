import { ClientMessages } from "@/components/client-messages.tsx";

// This segment's forms are client components that read translations.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
