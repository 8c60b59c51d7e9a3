import { resolve } from 'node:path';
import type { NextConfig } from 'next';

// `next build` / `next start` run in the app's folder; the workspace root holds the lockfile.
const root = resolve(process.cwd(), '..', '..');

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ['@medikamente/web-kit'],
  // The live-updates route opens graphql-ws connections with `ws` (Node only, not bundled).
  serverExternalPackages: ['ws', 'graphql-ws'],
  turbopack: { root },
  outputFileTracingRoot: root,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          // Reminder links carry a one-time token in the path: never send it on as a referrer.
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default config;
