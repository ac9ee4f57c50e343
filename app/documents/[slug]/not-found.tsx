import Link from "next/link";

export default function DocumentNotFound() {
  return (
    <section>
      <h1>Document not found</h1>
      <p>
        There is no document at this address. It may have been renamed; find it in the{" "}
        <Link href="/">library</Link>.
      </p>
    </section>
  );
}
