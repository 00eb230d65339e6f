import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The staff portal: built into dist/ (served by the gateway at /, hashed assets cached for a year,
 * index.html never), or `npm run portal:dev` with hot reload, the API proxied to the gateway.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: 'assets',
    chunkSizeWarningLimit: 400,
    rollupOptions: {
      // TanStack Query marks its modules "use client" for server components; a browser bundle has none.
      onwarn: (warning, warn) => (warning.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : warn(warning)),
    },
  },
  server: { port: 5173, proxy: { '/api': process.env.PORTAL_API ?? 'http://localhost:3000' } },
  plugins: [
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Portal ASN Sulawesi Tengah',
        short_name: 'ASN Sulteng',
        description: 'Presensi, pengajuan, dan data kepegawaian ASN Provinsi Sulawesi Tengah',
        lang: 'id',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5394',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        ],
      },
      workbox: {
        // Installed with the portal: the shell and what every employee uses each morning. The admin
        // pages (charts, maps, spreadsheets) are cached when first opened, so a phone never downloads
        // them. The API never comes from the cache.
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        globIgnores: ['assets/{recap-chart,location-map,browser}-*'],
        runtimeCaching: [{ urlPattern: /\/assets\//, handler: 'CacheFirst', options: { cacheName: 'portal-assets', expiration: { maxEntries: 200 } } }],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/health\//, /^\/metrics/],
      },
    }),
  ],
});
