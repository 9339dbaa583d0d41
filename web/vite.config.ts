import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The gateway serves dist/ at `/` (gateway/src/web.ts): the default base, hashed files under /assets/.
// `npm run dev` in web/ proxies /graphql to a platform on localhost:4000 (GATEWAY_URL to change it).
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false },
  server: { proxy: { '/graphql': process.env.GATEWAY_URL ?? 'http://localhost:4000' } },
});
