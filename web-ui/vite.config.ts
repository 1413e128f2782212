import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The Maven build runs `vite build --outDir target/classes/argus-console`, so the jar (served by core at
// `/`) and the distribution's web/ folder both pick it up. Hashed files go to /assets/, which core caches
// for a year; index.html is served with no-cache.
export default defineConfig({
  base: '/',
  plugins: [react(), tailwindcss()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // no data: URIs, so a strict Content-Security-Policy (img-src/font-src 'self') works
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: {
      // '/api/' with the slash: the console's own API page is at /api
      '/api/': 'http://127.0.0.1:8080',
      '/openapi': 'http://127.0.0.1:8080',
      '/health': 'http://127.0.0.1:8080',
      '/ws': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
