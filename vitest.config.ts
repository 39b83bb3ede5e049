import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@server": path.resolve(import.meta.dirname, "src/server"),
  "@shared": path.resolve(import.meta.dirname, "src/shared"),
  "@web": path.resolve(import.meta.dirname, "src/web"),
  "@cli": path.resolve(import.meta.dirname, "src/cli"),
};

// Database tests run on SQLite always, and again on PostgreSQL when TEST_DATABASE_URL is set.
const databases = ["sqlite", ...(process.env.TEST_DATABASE_URL ? ["postgres"] : [])];

export default defineConfig({
  resolve: { alias },
  test: {
    env: { TZ: "Europe/Amsterdam" },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          exclude: ["src/**/*.db.test.ts"],
          environment: "node",
          // The CLI tests start real processes; allow for a busy machine.
          testTimeout: 60_000,
        },
      },
      ...databases.map((database) => ({
        resolve: { alias },
        test: {
          name: `db-${database}`,
          include: ["src/**/*.db.test.ts"],
          environment: "node",
          env: { TZ: "Europe/Amsterdam", NV_TEST_DATABASE: database },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          environment: "node",
          globalSetup: ["e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
