import { STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";

// The guard runs here too, outside the page's loading boundary, so a guest gets a real
// redirect (307) and a non-staff user a real 404 before anything is streamed.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("/staf", STAFF_ROLES);
  return children;
}
