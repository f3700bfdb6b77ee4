import Link from "next/link";

interface ErrorPanelProps {
  title: string;
  body: string;
  links: { href: string; label: string }[];
  children?: React.ReactNode;
}

export function ErrorPanel({ title, body, links, children }: ErrorPanelProps) {
  return (
    <div className="mx-auto max-w-xl card p-8 text-center">
      <h1 className="text-2xl font-bold text-ink">{title}</h1>
      <p className="mt-2 text-slate-700">{body}</p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        {children}
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="button-secondary">
            {link.label}
          </Link>
        ))}
      </div>
    </div>
  );
}
