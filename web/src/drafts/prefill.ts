/**
 * Filling a draft from the signed-in person's account (TT 22/2019/TT-VPCP Art. 6): the profile
 * from GET /api/me, mapped to field values by the shared, pure @portal/shared/forms/prefill (the
 * BFF can apply the same mapping at intake). Only with a session and a network: signed out,
 * offline, or when /api/me does not answer in time, a draft starts empty and nothing fails. The
 * filled paths are recorded in `draft.prefilled` (each field shows a mark) and the values carry
 * field times like any change, so per-field merging across tabs keeps working; a field the user
 * changes afterwards is theirs and loses its mark (drafts/save.ts).
 */
import type { AddressDataset } from '@portal/shared/forms/address'
import type { FormDefinition } from '@portal/shared/forms/definition'
import { prefillEntries, prefillTargets, type ClaimsProfile, type PrefillEntry } from '@portal/shared/forms/prefill'
import { api } from '../auth/api.ts'
import type { PortalDb } from '../db.ts'
import { loadAddresses } from '../forms/addresses.ts'
import { log } from '../log.ts'
import { createDraft, type NewDraft } from './repository.ts'

/** How long a new draft waits for the account's answer before it starts empty. */
const WAIT_MS = 4000

export type AccountProfile = ClaimsProfile & { sub: string }

/** The profile of the session, or null (signed out, offline, slow or failing server). */
export async function accountProfile(): Promise<AccountProfile | null> {
  if (!navigator.onLine) return null
  try {
    const signal = typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(WAIT_MS) : undefined
    return await api<AccountProfile>('/api/me', signal ? { signal } : {})
  } catch (error) {
    log.warn('account profile unavailable; the form is not prefilled', error)
    return null
  }
}

/**
 * The address list when the form has an address to fill and the list can be had (it is
 * precached); without it only the codes' formats are checked.
 */
export async function addressListFor(form: FormDefinition): Promise<AddressDataset | undefined> {
  if (!prefillTargets(form).some((target) => target.field.prefill === 'address')) return undefined
  return loadAddresses().catch(() => undefined)
}

/** What the account fills among the form's still-empty prefillable fields. */
export async function accountEntries(form: FormDefinition, profile: ClaimsProfile, valueAt?: (path: string) => unknown): Promise<PrefillEntry[]> {
  return prefillEntries(form, profile, valueAt, await addressListFor(form))
}

/**
 * Creates a draft, prefilled from the account when `signedIn` names a session and the network
 * answers. Returns the new draft's id.
 */
export async function createPrefilledDraft(db: PortalDb, draft: NewDraft, form: FormDefinition | undefined, signedIn: { sub: string } | null, now?: number): Promise<string> {
  const wanted = form && signedIn ? prefillTargets(form).length > 0 : false
  const profile = wanted ? await accountProfile() : null
  const prefill = form && profile ? await accountEntries(form, profile) : []
  // The values are that person's: the draft is theirs (as signing in would make it anyway).
  const owner = prefill.length && profile ? { ownerSub: profile.sub } : {}
  return createDraft(db, { ...draft, ...owner, prefill }, now)
}
