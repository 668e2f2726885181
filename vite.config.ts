import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The workspace for browsers: `npm run build` writes it to out/renderer, and the case
// service serves it at `/`. The desktop app loads the same files (desktop-shell issue).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/renderer', emptyOutDir: true, sourcemap: true, target: 'es2022' },
});
