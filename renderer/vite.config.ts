import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Relative base so the same build loads from file:// in Electron and from the local HTTP server.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
});
