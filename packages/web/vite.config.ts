// Vite build of the browser bundles: the public and the staff entry (hydration), code-split charts and
// workbench, a manifest the server reads to find the hashed file names.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Always the production build of React and ECharts, even when the bundle is built from a test run
// (Vitest sets NODE_ENV=test, which would otherwise bundle their development builds).
process.env.NODE_ENV = 'production';

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
      // @mirai/core is pure by rule (no I/O, no globals touched at load): modules of it that a
      // bundle does not use can be dropped whole, even though they build catalogues at load.
      treeshake: { moduleSideEffects: (id: string) => !/packages\/core\/src\//.test(id) },
      output: {
        // The projection engine (shared by the workbench chunk) must not land in the entry every page loads.
        advancedChunks: {
          groups: [
            // What every page needs from the core (problems, calendar, text) stays small and apart.
            { name: 'core-base', test: /packages\/core\/src\/(errors|calendar|text)\//, priority: 2 },
            {
              name: 'engine',
              test: /packages\/core\/src\/(population|survey|evaluation|indicators)\//,
              priority: 1,
            },
          ],
        },
      },
    },
  },
});
