import type { TestProject } from "vitest/node";
// @ts-expect-error -- plain ESM helper shared with the Node scripts, typed by its JSDoc only
import { ensureTemplate, openTestCluster } from "../../scripts/lib/test-cluster.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    testAdminUrl: string;
    testTemplate: string;
  }
}

/** Once per run: a PostgreSQL server and a migrated template database for the test files. */
export default async function setup(project: TestProject) {
  const cluster = await openTestCluster();
  let template: string;
  try {
    template = await ensureTemplate(cluster.adminUrl);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  project.provide("testAdminUrl", cluster.adminUrl);
  project.provide("testTemplate", template);
  return async () => {
    await cluster.stop();
  };
}
