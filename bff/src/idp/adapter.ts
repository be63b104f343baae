/**
 * oidc-provider's storage adapter on the BFF's SQLite (table idp_store), so provider sessions,
 * grants, codes and interactions survive a restart (the in-memory default loses them all).
 * Expiry uses real time (Date.now), as oidc-provider computes `expiresIn` from it; rows past
 * their expiry are treated as absent and purged from time to time.
 */
import { and, eq, lt, sql } from 'drizzle-orm'
import type { Adapter, AdapterPayload } from 'oidc-provider'
import type { Db } from '../db/open.ts'
import { idpStore } from './table.ts'

/** Kept a little past expiry, as the provider's own memory adapter does (its clockTolerance). */
const TOLERANCE_MS = 15_000

/** Models whose artefacts are revoked with their grant (the memory adapter's list). */
const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest', 'PreAuthorizedCode'])

export function sqliteAdapter(db: Db): new (model: string) => Adapter {
  return class SqliteAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 + TOLERANCE_MS : null
      const row = {
        model: this.model,
        id,
        payload: JSON.stringify(payload),
        expiresAt,
        grantId: GRANTABLE.has(this.model) ? (payload.grantId ?? null) : null,
        uid: payload.uid ?? null,
      }
      db.insert(idpStore)
        .values(row)
        .onConflictDoUpdate({ target: [idpStore.model, idpStore.id], set: row })
        .run()
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return this.#first(eq(idpStore.id, id))
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.#first(eq(idpStore.uid, uid))
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return this.#first(sql`json_extract(${idpStore.payload}, '$.userCode') = ${userCode}`)
    }

    async consume(id: string): Promise<void> {
      db.update(idpStore)
        .set({ payload: sql`json_set(${idpStore.payload}, '$.consumed', ${Math.floor(Date.now() / 1000)})` })
        .where(and(eq(idpStore.model, this.model), eq(idpStore.id, id)))
        .run()
    }

    async destroy(id: string): Promise<void> {
      db.delete(idpStore)
        .where(and(eq(idpStore.model, this.model), eq(idpStore.id, id)))
        .run()
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      db.delete(idpStore).where(eq(idpStore.grantId, grantId)).run()
    }

    #first(condition: ReturnType<typeof eq>): AdapterPayload | undefined {
      const row = db
        .select({ payload: idpStore.payload, expiresAt: idpStore.expiresAt })
        .from(idpStore)
        .where(and(eq(idpStore.model, this.model), condition))
        .get()
      if (!row || (row.expiresAt !== null && row.expiresAt <= Date.now())) return undefined
      return JSON.parse(row.payload) as AdapterPayload
    }
  }
}

/** Deletes expired rows; run at start and then every hour. @returns how many went */
export function purgeExpired(db: Db, now = Date.now()): number {
  return db.delete(idpStore).where(lt(idpStore.expiresAt, now)).run().changes
}
