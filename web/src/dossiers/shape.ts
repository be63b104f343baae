/**
 * Checks of what the server sends about dossiers before it is stored on the device. Not the
 * valibot schemas of shared/dossiers/schema.ts: using them here would add their functions to
 * the valibot chunk the home route loads (about 0.6 KB gzip it does not have). The server builds
 * these answers from those schemas; here the fields the app reads are checked for their type.
 */
import type { DossierChanges, DossierReceipt, DossierStatus, DossierView } from '@portal/shared/dossiers/schema'

/** Every status (the compiler holds this to DossierStatus; importing the schema's own list keeps the schemas in the bundle). */
const STATUSES: Record<DossierStatus, true> = {
  registered: true,
  accepted: true,
  refused: true,
  processing: true,
  supplementRequested: true,
  financialObligation: true,
  withdrawn: true,
  stopped: true,
  processed: true,
  returned: true,
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string'
const named = (value: unknown) => isObject(value) && isString(value.code) && isString(value.name)
const isStatus = (value: unknown) => isString(value) && Object.hasOwn(STATUSES, value)

export function isReceipt(value: unknown): value is DossierReceipt {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.code) &&
    isString(value.receivedAt) &&
    named(value.procedure) &&
    named(value.agency) &&
    isObject(value.applicant) &&
    isString(value.applicant.name) &&
    isObject(value.resultDelivery) &&
    ['at-agency', 'post', 'online'].includes(value.resultDelivery.method as string) &&
    Array.isArray(value.components) &&
    value.components.every((c) => isObject(c) && isString(c.label) && Array.isArray(c.files) && c.files.every((f) => isObject(f) && isString(f.name) && typeof f.size === 'number'))
  )
}

export function isView(value: unknown): value is DossierView {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.code) &&
    isStatus(value.status) &&
    Number.isInteger(value.seq) &&
    isString(value.submittedAt) &&
    isString(value.updatedAt) &&
    isReceipt(value.receipt) &&
    Array.isArray(value.history) &&
    value.history.every((step) => isObject(step) && isStatus(step.status) && isString(step.at))
  )
}

export function isChanges(value: unknown): value is DossierChanges {
  return isObject(value) && Number.isInteger(value.cursor) && Array.isArray(value.dossiers) && value.dossiers.every(isView)
}
