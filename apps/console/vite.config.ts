import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The console is plain static files the service serves at /console (CONSOLE_DIR); the dev server
// proxies the API to a locally running service. JSX is compiled by Vite's own transformer
// (tsconfig "jsx": "react-jsx"), so no React plugin is needed.
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      // antd marks its modules "use client" (for React Server Components); meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
