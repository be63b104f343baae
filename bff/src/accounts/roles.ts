/**
 * Portal roles. Everybody signed in is a citizen; an officer holds a duty at one agency (one
 * assignment per agency and duty); an administrator manages accounts. Officers and
 * administrators act only under a session with a second factor.
 */
import * as v from 'valibot'

export const DUTIES = ['reception', 'processing', 'approval'] as const
export type Duty = (typeof DUTIES)[number]

export const AssignmentInputSchema = v.variant('role', [
  v.object({
    role: v.literal('officer'),
    duty: v.picklist(DUTIES),
    agencyCode: v.pipe(v.string(), v.regex(/^[0-9A-Z.]{1,40}$/, 'agencyCode must be an agency code')),
  }),
  v.object({ role: v.literal('administrator') }),
])
export type AssignmentInput = v.InferOutput<typeof AssignmentInputSchema>

export type Assignment =
  | { id: number; role: 'officer'; duty: Duty; agencyCode: string }
  | { id: number; role: 'administrator' }

export type RoleName = 'citizen' | 'officer' | 'administrator'

/** Roles that need a second factor. */
export function needsMfa(assignments: readonly Assignment[]): boolean {
  return assignments.length > 0
}

export function isAdministrator(assignments: readonly Assignment[]): boolean {
  return assignments.some((a) => a.role === 'administrator')
}
