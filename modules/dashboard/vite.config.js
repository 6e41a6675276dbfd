import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// Built into the jar's gridshift-dashboard/ folder; relative asset paths, since the aggregator
// serves the pages under /dashboard/.
export default defineConfig({
  root: fileURLToPath(new URL('./src/main/web', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./target/classes/gridshift-dashboard', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
