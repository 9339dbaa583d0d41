import { defineConfig } from 'vite';

// Served by the gateway: the page at /graphql, every file under /playground/ (never /assets,
// which the monitoring page uses). Everything is bundled: no request leaves the origin.
export default defineConfig({
  base: '/playground/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL 5 bundles the Monaco editor: a few large chunks are expected.
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
    rollupOptions: {
      // framer-motion (GraphiQL's dialogs) marks modules "use client", which means nothing here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
