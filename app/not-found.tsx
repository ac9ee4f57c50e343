import Link from "next/link";

export default function NotFound() {
  return (
    <section className="narrow">
      <h1>Not found</h1>
      <p>
        There is nothing here, or it is not shared with you. Go back to the{" "}
        <Link href="/">library</Link> or to <Link href="/courses">your courses</Link>.
      </p>
    </section>
  );
}
