import Link from "next/link";

interface ErrorPanelProps {
  title: string;
  body: string;
  links: { href: string; label: string }[];
  children?: React.ReactNode;
}

export function ErrorPanel({ title, body, links, children }: ErrorPanelProps) {
  return (
    <div className="mx-auto max-w-xl rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-2xl font-bold text-ink">{title}</h1>
      <p className="mt-2 text-slate-700">{body}</p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        {children}
        {links.map((link) => (
          <Link
            key={link.href}
            href={link.href}
            className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            {link.label}
          </Link>
        ))}
      </div>
    </div>
  );
}
