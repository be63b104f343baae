import { defineConfig } from 'drizzle-kit'

// `pnpm --filter @portal/bff db:generate` writes a migration into drizzle/ after a schema change;
// the server applies pending ones at start (src/db/open.ts).
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './drizzle',
})
