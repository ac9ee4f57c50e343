/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Compressing the large reader page (3.9 MB of HTML) costs Node more CPU than rendering it:
  // Next.js gzips at zlib's default level, which cannot be set. Behind a balancer that compresses
  // (deploy/: HAProxy, at level 1), COMPRESS_RESPONSES=off leaves it to the balancer. Read when
  // `next start` starts, so one build serves both ways.
  compress: process.env.COMPRESS_RESPONSES?.trim().toLowerCase() !== "off",
  // Keep the database driver out of the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  // Server actions carry at most a note (100 kB of Tiptap JSON, lib/richtext/body.ts) and its
  // selection: refuse bodies over 512 kB before parsing (Next's default is 1 MB).
  experimental: { serverActions: { bodySizeLimit: "512kb" } },
  // `npm run typecheck` (run by CI) checks types once; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
