import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = import.meta.dirname;

/** The web app: sources in src/web, built into dist/web where the Fastify server serves it from. */
export default defineConfig({
  root: path.resolve(root, "src/web"),
  plugins: [react()],
  resolve: {
    alias: {
      "@shared": path.resolve(root, "src/shared"),
      "@web": path.resolve(root, "src/web"),
    },
  },
  build: {
    outDir: path.resolve(root, "dist/web"),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: "libs", test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: {
    // In development the API runs on its own port; the proxy keeps the session cookie same-origin.
    proxy: { "/api": "http://localhost:3000" },
  },
});
