import type { Person } from "./people";
import { wikidataId } from "./authority";

// A person as JSON, for export: schema.org Person (JSON-LD), with the authority link as
// `sameAs` and `identifier`, every name the documents use, offices by date and documents with
// their addresses on this site. Pure.

export function personJson(person: Person, authority: string | null, site: string) {
  const qid = authority ? wikidataId(authority) : null;
  return {
    "@context": "https://schema.org",
    "@type": "Person",
    "@id": `${site}/people/${person.slug}`,
    name: person.name,
    alternateName: person.names.map((name) => name.form).filter((form) => form !== person.name),
    ...(authority ? { sameAs: authority } : {}),
    ...(qid
      ? { identifier: { "@type": "PropertyValue", propertyID: "Wikidata", value: qid } }
      : {}),
    names: person.names.map((name) => ({
      form: name.form,
      ...(name.because ? { because: name.because } : {}),
      documents: name.documents.map((slug) => `${site}/documents/${slug}`),
    })),
    offices: person.offices.map((office) => ({
      office: office.office,
      from: office.from,
      to: office.to,
      documents: office.slugs.map((slug) => `${site}/documents/${slug}`),
    })),
    documents: person.documents.map((document) => ({
      url: `${site}/documents/${document.slug}`,
      title: document.title,
      ...(document.edition ? { edition: document.edition } : {}),
      date: document.date,
      office: document.office,
      turns: document.turns,
    })),
    turns: person.turns,
  };
}
