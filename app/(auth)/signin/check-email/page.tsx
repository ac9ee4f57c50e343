export const metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <section className="narrow">
      <h1>Check your email</h1>
      <p>We sent you a link to sign in. It works once and expires in 24 hours.</p>
    </section>
  );
}
