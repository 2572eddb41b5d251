/**
 * Builds the renderer on its own: for the preview server, the Playwright suite and anyone who wants
 * to look at the UI without Electron. The output is what the app serves, so it must run under the
 * page's strict CSP (script-src 'self', style-src 'self'): no inline scripts, no data: URLs for code.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Resolve from this file, not from the working directory, so the build is the same wherever it runs.
const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs work both over http://127.0.0.1 (preview) and the app:// protocol (Electron).
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // The preload polyfill is a small script; leaving it out keeps the page to bundled files only.
    modulePreload: { polyfill: false },
    // Nothing becomes a data: URL: scripts and styles must come from 'self' under the CSP.
    assetsInlineLimit: 0,
    // The libraries (React above all) in a chunk of their own, apart from the app's code: each stays
    // under Vite's 500 kB warning, and a change to the app leaves the libraries' file as it was.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } } },
  },
});
