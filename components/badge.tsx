// The classes are in app/globals.css (.badge, .badge-<tone>).
export type BadgeTone = "neutral" | "brand" | "urgent" | "success" | "info";

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: React.ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
