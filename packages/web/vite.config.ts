// Vite build of the browser bundles: the public and the staff entry (hydration), code-split charts and
// workbench, a manifest the server reads to find the hashed file names.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/assets/',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    assetsDir: '',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./src/client/main.tsx', import.meta.url)),
        staff: fileURLToPath(new URL('./src/client/staff.tsx', import.meta.url)),
      },
      output: {
        // The projection engine (shared by the workbench chunk) must not land in the entry every page loads.
        advancedChunks: {
          groups: [
            { name: 'engine', test: /packages\/core\/src\/(population|survey|evaluation|indicators)\// },
          ],
        },
      },
    },
  },
});
