import * as peopleActions from "@/app/actions/people";
import * as personRoute from "@/app/api/people/[slug]/route";
import PeoplePage from "@/app/people/page";
import PersonPage from "@/app/people/[slug]/page";
import { getPrisma } from "@/lib/db";
import { personSlug } from "@/lib/people/merge";
import { callPage, callRoute, callServer, formData } from "./call";
import { entry, type Cell } from "./entry";
import { READERS, ROLES, type Role, type World } from "./world";

// People across the library (issue 19): the index, a person's page and JSON, and the editors'
// authority links. The world's library has Liao Chengzhi and Ishibashi Tanzan; course A's own
// document adds an envoy named nowhere else, whom only the course may know.

const prisma = () => getPrisma();
type Route = Parameters<typeof callRoute>[2];
const route = (handler: unknown) => handler as Route;
const action = (cell: Cell<unknown>, work: () => Promise<unknown>) =>
  callServer(cell.world, cell.caller, work);
const pageProps = (slug: string) => ({
  params: Promise.resolve({ slug }),
  searchParams: Promise.resolve({}),
});

/** The library's editors: site instructors and admins. */
const EDITORS: readonly Role[] = ["instructor", "otherInstructor", "admin"];
const LIAO = "liao-chengzhi";
const COURSE_SPEAKER = "course A's own document's speaker";
const envoy = (world: World) =>
  personSlug(world.secrets.find((secret) => secret.label === COURSE_SPEAKER)!.text);
/** Course A's envoy: known to its members; linked by its editors (its instructor, admins). */
const COURSE_EDITORS: readonly Role[] = ["instructor", "admin"];

/** Each cell starts with no authority link, so an allowed write is seen to change one. */
const clean = async () => {
  await prisma().personAuthority.deleteMany();
};
const links = () => prisma().personAuthority.findMany({ orderBy: { slug: "asc" } });

export const PEOPLE_ROWS = [
  entry({
    surface: "page",
    file: "app/people/page.tsx",
    export: "default",
    cases: [
      {
        name: "the people of the library (with course A's envoy for its members)",
        allow: ROLES,
        shows: (secret) => secret.label === COURSE_SPEAKER,
        run: (cell) => callPage(cell.world, cell.caller, () => PeoplePage()),
      },
    ],
  }),
  entry({
    surface: "page",
    file: "app/people/[slug]/page.tsx",
    export: "default",
    cases: [
      {
        name: "a person of the public library",
        allow: ROLES,
        run: (cell) => callPage(cell.world, cell.caller, () => PersonPage(pageProps(LIAO))),
      },
      {
        name: "the envoy named only in course A's own document",
        allow: READERS.course,
        visibleTo: READERS.course,
        shows: (secret) =>
          secret.label === COURSE_SPEAKER || secret.label === "course A's own document's words",
        run: (cell) =>
          callPage(cell.world, cell.caller, () => PersonPage(pageProps(envoy(cell.world)))),
      },
      {
        name: "a person who does not exist",
        allow: [],
        probe: true,
        run: (cell) =>
          callPage(cell.world, cell.caller, () => PersonPage(pageProps("no-such-person"))),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/people/[slug]/route.ts",
    export: "GET",
    cases: [
      {
        name: "a person of the public library, as JSON",
        allow: ROLES,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(personRoute.GET), {
            path: `/api/people/${LIAO}`,
            params: { slug: LIAO },
          }),
      },
      {
        name: "course A's envoy, as JSON",
        allow: READERS.course,
        visibleTo: READERS.course,
        shows: (secret) => secret.label === COURSE_SPEAKER,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(personRoute.GET), {
            path: `/api/people/${envoy(cell.world)}`,
            params: { slug: envoy(cell.world) },
          }),
      },
      {
        name: "a person who does not exist, as JSON",
        allow: [],
        probe: true,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(personRoute.GET), {
            path: "/api/people/no-such-person",
            params: { slug: "no-such-person" },
          }),
      },
    ],
  }),
  entry({
    surface: "route",
    file: "app/api/people/[slug]/route.ts",
    export: "PUT",
    state: links,
    cases: [
      {
        name: "a person of the public library linked to Wikidata",
        allow: EDITORS,
        setup: clean,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(personRoute.PUT), {
            method: "PUT",
            path: `/api/people/${LIAO}`,
            params: { slug: LIAO },
            body: { authority: "Q1000001" },
          }),
      },
      {
        name: "course A's envoy linked to Wikidata",
        allow: COURSE_EDITORS,
        visibleTo: READERS.course,
        setup: clean,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(personRoute.PUT), {
            method: "PUT",
            path: `/api/people/${envoy(cell.world)}`,
            params: { slug: envoy(cell.world) },
            body: { authority: "Q1000002" },
          }),
      },
      {
        name: "a person who does not exist linked to Wikidata",
        allow: [],
        probe: true,
        setup: clean,
        run: (cell) =>
          callRoute(cell.world, cell.caller, route(personRoute.PUT), {
            method: "PUT",
            path: "/api/people/no-such-person",
            params: { slug: "no-such-person" },
            body: { authority: "Q1000003" },
          }),
      },
    ],
  }),
  entry({
    surface: "action",
    file: "app/actions/people.ts",
    export: "setPersonAuthorityAction",
    state: links,
    cases: [
      {
        name: "a person of the public library linked to Wikidata",
        allow: EDITORS,
        setup: clean,
        run: (cell) =>
          action(cell, () =>
            peopleActions.setPersonAuthorityAction(
              {},
              formData({ slug: LIAO, authority: "Q1000001" }),
            ),
          ),
      },
      {
        name: "course A's envoy linked to Wikidata",
        allow: COURSE_EDITORS,
        visibleTo: READERS.course,
        setup: clean,
        run: (cell) =>
          action(cell, () =>
            peopleActions.setPersonAuthorityAction(
              {},
              formData({ slug: envoy(cell.world), authority: "Q1000002" }),
            ),
          ),
      },
      {
        name: "a person who does not exist linked to Wikidata",
        allow: [],
        probe: true,
        setup: clean,
        run: (cell) =>
          action(cell, () =>
            peopleActions.setPersonAuthorityAction(
              {},
              formData({ slug: "no-such-person", authority: "Q1000003" }),
            ),
          ),
      },
    ],
  }),
];
