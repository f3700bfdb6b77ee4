import { useTranslations } from "next-intl";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser, STAFF_ROLES } from "@/lib/auth/guards.ts";
import { unreadCount } from "@/lib/notifications/queries.ts";
import { LanguageSwitch } from "./language-switch.tsx";
import { SignOutButton } from "./sign-out-button.tsx";

// app/globals.css
const linkClass = "nav-link";

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

function NavList({ links, className, itemClass }: { links: NavLink[]; className: string; itemClass?: string }) {
  return (
    <ul className={className}>
      {links.map((link) => (
        <li key={link.href} className={itemClass}>
          <Link href={link.href} className={linkClass}>
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

// The same menu on every screen size, rendered once; on a phone it folds behind a "Menu" button.
function Menu({ links, staffLinks = [], user, unread, unreadLabel }: MenuProps) {
  const t = useTranslations("nav");
  const tAuth = useTranslations("auth");
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center sm:justify-end">
      <nav aria-label={t("mainMenu")}>
        <NavList links={links} className="flex flex-col gap-1 text-sm font-medium sm:flex-row sm:flex-wrap" />
        {staffLinks.length > 0 && <NavList links={staffLinks} className="flex flex-col gap-1 text-sm font-medium sm:hidden" />}
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
  const [t, tNotifications, tPrograms, tNeeds, tTransparency, tDashboard, tReports, tCollaborations, user] = await Promise.all([
    getTranslations("nav"),
    getTranslations("notifications"),
    getTranslations("programAdmin"),
    getTranslations("needAdmin"),
    getTranslations("transparency"),
    getTranslations("dashboard"),
    getTranslations("reports.queue"),
    getTranslations("collaborations.queue"),
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
          { href: "/staf/laporan", label: tReports("navLink") },
          { href: "/staf/kolaborasi", label: tCollaborations("navLink") },
          { href: "/staf/surel", label: t("staffOutbox") },
          ...(user.role === "ADMIN" ? [{ href: "/admin/pengguna", label: t("adminUsers") }] : []),
        ]
      : [];
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="site-bar">
        <Link href="/" className="flex items-center gap-3 rounded-md">
          <span aria-hidden="true" className="logo-mark">
            KSBB
          </span>
          <span className="leading-tight">
            <span className="block font-bold text-ink">{t("brand")}</span>
            <span className="block text-xs text-slate-600">{t("brandTagline")}</span>
          </span>
        </Link>
        {/*
          One menu for every width, in the page once (it used to be twice: a phone copy and a
          desktop copy, 5 KB of every page's HTML and RSC payload). Below 640 px it is a
          popover the "Menu" button opens and closes, without JavaScript, Escape and a tap
          outside included; from 640 px it is always shown in the header row.
        */}
        <button type="button" popoverTarget="site-menu" className="menu-button">
          {t("menu")}
          {unread > 0 && (
            <span className="ml-1 rounded-full bg-brand-700 px-1.5 py-0.5 text-xs font-bold text-white" aria-hidden="true">
              {unread}
            </span>
          )}
        </button>
        <div id="site-menu" popover="auto" className="site-menu">
          <Menu
            links={links}
            staffLinks={staffLinks}
            user={user}
            unread={unread}
            unreadLabel={tNotifications("unread", { count: unread })}
          />
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
