/** A page's title and lead, the same on every workspace page. */
export function PageHeader({ title, lead, children }: { title: string; lead?: string; children?: React.ReactNode }) {
  return (
    <header className="space-y-2">
      <h1 className="text-2xl font-bold text-ink sm:text-3xl">{title}</h1>
      {lead && <p className="max-w-3xl text-slate-700">{lead}</p>}
      {children}
    </header>
  );
}

/** What a list shows when it has nothing in it. */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">{children}</div>;
}
