import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// base './' makes every asset URL relative, so the built site works from any
// sub-path of a plain static file server.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
