import { defineConfig } from "vitest/config";

// The build goes straight into the silo's wwwroot, which is committed, so that `dotnet run` serves the console
// without npm. Relative asset URLs keep it working behind a reverse proxy under a path prefix.
export default defineConfig({
  base: "./",
  build: {
    outDir: "../src/Dispatch.Silo/wwwroot",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
