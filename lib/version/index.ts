import packageJson from "@/package.json";

/** The app's version as released (package.json), shown by /api/health. */
export const appVersion: string = packageJson.version;
