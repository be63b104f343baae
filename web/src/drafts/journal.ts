/**
 * A synchronous copy of a draft's unsaved changes in localStorage. An IndexedDB save started
 * when the page goes away (a reload, a closed tab, a link out) is aborted with the document
 * before its read-merge-write finishes; localStorage is written at once, so the changes of the
 * last 300 ms are kept there and merged (with their own times, so per-field last-writer-wins
 * still holds) the next time the draft is opened.
 */
import { log } from '../log.ts'
import type { FieldChange } from './save.ts'

const prefix = (draftId: string) => `portal.draft-journal.${draftId}.`
/** One journal per page, so two tabs on one draft do not overwrite each other's. */
const page = crypto.randomUUID()

export function writeJournal(draftId: string, changes: readonly FieldChange[]): void {
  try {
    if (changes.length) localStorage.setItem(prefix(draftId) + page, JSON.stringify(changes))
    else localStorage.removeItem(prefix(draftId) + page)
  } catch (error) {
    // Storage full or switched off: the IndexedDB save is still on its way.
    log.warn('draft journal could not be written', error)
  }
}

const isChange = (c: unknown): c is FieldChange =>
  typeof c === 'object' && c !== null && typeof (c as FieldChange).path === 'string' && typeof (c as FieldChange).time === 'number'

/** Takes over the journals that other pages left for a draft (the caller saves them). */
export function takeJournals(draftId: string): FieldChange[] {
  try {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith(prefix(draftId)) && k !== prefix(draftId) + page)
    const changes = keys.flatMap((k) => {
      const parsed: unknown = JSON.parse(localStorage.getItem(k) ?? '[]')
      return Array.isArray(parsed) ? parsed.filter(isChange) : []
    })
    for (const k of keys) localStorage.removeItem(k)
    return changes.sort((a, b) => a.time - b.time)
  } catch (error) {
    log.warn('draft journal could not be read', error)
    return []
  }
}
