/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next.js gzips at zlib's default level (6), which cannot be set: about 75 ms of CPU for the
  // large reader page (bench/README.md). Behind a proxy or CDN that compresses with zlib,
  // COMPRESS_RESPONSES=off leaves it to them. Not behind Debian's HAProxy: its compressor
  // (libslz) made the page 1.9x and the scripts 1.5x larger than this (docs/scaling.md). Read
  // when `next start` starts, so one build serves both ways.
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
