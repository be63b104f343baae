// Every table of the BFF, for drizzle-kit and the typed client. Each feature owns its tables.
export * from '../catalog/table.ts'
export * from '../accounts/table.ts'
export * from '../auth/table.ts'
export * from '../audit/table.ts'
export * from '../idp/table.ts'
export * from '../uploads/table.ts'
export * from '../dossiers/table.ts'
export * from '../relay/table.ts'
