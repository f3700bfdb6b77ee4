import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser, STAFF_ROLES } from "@/lib/auth/guards.ts";
import { unreadCount } from "@/lib/notifications/queries.ts";
import { LanguageSwitch } from "./language-switch.tsx";
import { SignOutButton } from "./sign-out-button.tsx";

const linkClass = "block rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100";

interface NavLink {
  href: string;
  label: string;
}

interface MenuProps {
  links: NavLink[];
  /** City staff's work pages: in this menu on a phone, in their own bar from 640 px. */
  staffLinks?: NavLink[];
  user: { id: string } | null;
  unread: number;
  unreadLabel: string;
}

function NavList({ links, className }: { links: NavLink[]; className: string }) {
  return (
    <ul className={className}>
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href} className={linkClass}>
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

// The same menu on every screen size; on a phone it folds behind a "Menu" button.
async function Menu({ links, staffLinks = [], user, unread, unreadLabel }: MenuProps) {
  const [t, tAuth] = await Promise.all([getTranslations("nav"), getTranslations("auth")]);
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center sm:justify-end">
      <nav aria-label={t("mainMenu")}>
        <NavList links={[...links, ...staffLinks]} className="flex flex-col gap-1 text-sm font-medium sm:flex-row sm:flex-wrap" />
      </nav>
      <div className="flex flex-wrap items-center gap-1 text-sm font-medium">
        {user ? (
          <>
            <Link href="/pemberitahuan" className={linkClass}>
              {t("notifications")}
              {unread > 0 && (
                <span className="ml-1 rounded-full bg-brand-700 px-1.5 py-0.5 text-xs font-bold text-white">
                  <span aria-hidden="true">{unread}</span>
                  <span className="sr-only">{unreadLabel}</span>
                </span>
              )}
            </Link>
            <Link href="/akun" className={linkClass}>
              {t("account")}
            </Link>
            <SignOutButton label={tAuth("signOut")} />
          </>
        ) : (
          <>
            <Link href="/masuk" className={linkClass}>
              {t("signIn")}
            </Link>
            <Link href="/daftar" className="rounded-md bg-brand-700 px-3 py-2 text-white hover:bg-brand-800">
              {t("register")}
            </Link>
          </>
        )}
        <LanguageSwitch />
      </div>
    </div>
  );
}

export async function SiteHeader() {
  const [t, tNotifications, tPrograms, tNeeds, tTransparency, tDashboard, user] = await Promise.all([
    getTranslations("nav"),
    getTranslations("notifications"),
    getTranslations("programAdmin"),
    getTranslations("needAdmin"),
    getTranslations("transparency"),
    getTranslations("dashboard"),
    currentUser(),
  ]);
  const unread = user ? await unreadCount(user.id) : 0;
  const links = [
    { href: "/", label: t("home") },
    { href: "/kebutuhan", label: t("needs") },
    { href: "/transparansi", label: tTransparency("navLink") },
    ...(user?.role === "DONOR" ? [{ href: "/janji", label: t("myPledges") }] : []),
    ...(user?.role === "AGGREGATOR" ? [{ href: "/agregator/penyaluran", label: t("deliveries") }] : []),
  ];
  // Staff have many work pages: they get a bar of their own rather than a header that wraps.
  const staffLinks =
    user && STAFF_ROLES.includes(user.role)
      ? [
          { href: "/staf", label: tDashboard("navLink") },
          { href: "/staf/janji", label: t("review") },
          { href: "/staf/kebutuhan", label: tNeeds("navLabel") },
          { href: "/staf/program", label: tPrograms("navLabel") },
          { href: "/staf/organisasi", label: t("staffOrganisations") },
          { href: "/staf/surel", label: t("staffOutbox") },
          ...(user.role === "ADMIN" ? [{ href: "/admin/pengguna", label: t("adminUsers") }] : []),
        ]
      : [];
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="relative mx-auto flex max-w-6xl items-center justify-between gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-3 rounded-md">
          <span
            aria-hidden="true"
            className="grid h-10 min-w-10 shrink-0 place-items-center rounded-lg bg-brand-700 px-1.5 text-xs font-bold tracking-tight text-white"
          >
            KSBB
          </span>
          <span className="leading-tight">
            <span className="block font-bold text-ink">{t("brand")}</span>
            <span className="block text-xs text-slate-600">{t("brandTagline")}</span>
          </span>
        </Link>
        <details className="group sm:hidden">
          <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-2 text-sm font-semibold text-slate-800">
            {t("menu")}
            {unread > 0 && (
              <span className="ml-1 rounded-full bg-brand-700 px-1.5 py-0.5 text-xs font-bold text-white" aria-hidden="true">
                {unread}
              </span>
            )}
          </summary>
          <div className="absolute inset-x-0 z-20 mt-3 border-b border-slate-200 bg-white px-4 pb-4 shadow-md">
            <Menu
              links={links}
              staffLinks={staffLinks}
              user={user}
              unread={unread}
              unreadLabel={tNotifications("unread", { count: unread })}
            />
          </div>
        </details>
        <div className="hidden sm:block">
          <Menu links={links} user={user} unread={unread} unreadLabel={tNotifications("unread", { count: unread })} />
        </div>
      </div>
      {staffLinks.length > 0 && (
        <nav aria-label={t("staffMenu")} className="hidden border-t border-slate-200 bg-slate-50 sm:block">
          <NavList links={staffLinks} className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4 py-1 text-sm font-medium" />
        </nav>
      )}
    </header>
  );
}
