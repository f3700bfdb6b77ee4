import { notFound } from "next/navigation";
import { loadKelurahan } from "./load.ts";

// The code is checked here, outside the page's loading boundary, so an unknown code
// answers with a real 404 status (inside the boundary the 200 would already be sent).
export default async function KelurahanLayout({ children, params }: { children: React.ReactNode; params: Promise<{ code: string }> }) {
  if (!(await loadKelurahan((await params).code))) notFound();
  return children;
}
