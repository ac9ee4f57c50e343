import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/forms/AccountForms";
import { safeCallbackUrl } from "@/lib/auth/request";
import { getSessionUser } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Create an account" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, "/courses");
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <section className="narrow">
      <h1>Create an account</h1>
      <SignUpForm callbackUrl={callbackUrl} />
      <p>
        Already have an account?{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>.
      </p>
    </section>
  );
}
