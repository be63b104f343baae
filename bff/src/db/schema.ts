// Every table of the BFF, for drizzle-kit and the typed client. Each feature owns its tables.
export * from '../catalog/table.ts'
