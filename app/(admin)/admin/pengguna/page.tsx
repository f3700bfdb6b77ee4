import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header.tsx";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { pageParam } from "@/lib/pagination.ts";
import { Badge } from "@/components/badge.tsx";
import { Pagination } from "@/components/pagination.tsx";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { usersForAdmin } from "@/lib/users/queries.ts";
import { roleFits } from "@/lib/users/roles.ts";
import { ROLES } from "@/lib/users/schema.ts";
import { ChangeRoleForm, CreateStaffForm, SetActiveForm } from "./_components/user-forms.tsx";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

const params = z.object({ page: pageParam });

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const caller = await requirePageUser("/admin/pengguna", ["ADMIN"]);
  const { page } = params.parse(await searchParams);
  const [{ users, offices, pageCount }, t, tAccount] = await Promise.all([
    usersForAdmin(page),
    getTranslations("admin"),
    getTranslations("account"),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      <section aria-labelledby="create-heading" className="card p-5">
        <h2 id="create-heading" className="mb-4 text-lg font-semibold text-ink">
          {t("createStaff")}
        </h2>
        <CreateStaffForm offices={offices} />
      </section>
      <section aria-labelledby="users-heading" className="space-y-3">
        <h2 id="users-heading" className="text-lg font-semibold text-ink">
          {t("users")}
        </h2>
        <ul className="space-y-3">
          {users.map((user) => (
            <li key={user.id} className="flex flex-wrap items-center justify-between gap-3 card p-4">
              <div className="min-w-0">
                <p className="font-semibold text-ink">
                  {user.name} {!user.active && <Badge tone="urgent">{t("inactive")}</Badge>}
                </p>
                <p className="truncate text-sm text-slate-600">
                  {user.email} · {user.organisation.name}
                </p>
              </div>
              {user.id === caller.id ? (
                <Badge tone="brand">{tAccount(`roles.${user.role}`)}</Badge>
              ) : (
                <div className="flex flex-wrap items-end gap-3">
                  <ChangeRoleForm
                    userId={user.id}
                    userName={user.name}
                    role={user.role}
                    roles={ROLES.filter((role) => roleFits(role, user.organisation.kind))}
                  />
                  <SetActiveForm userId={user.id} active={user.active} />
                </div>
              )}
            </li>
          ))}
        </ul>
        <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/admin/pengguna?page=${p}`} />
      </section>
    </div>
  );
}
