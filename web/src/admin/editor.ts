/**
 * What the administrators' editing screens (holiday table, agency directory) share: the stored
 * document, loaded at first and again after every change; the page's state (loading, ready,
 * refused to this account, failed); and one change at a time, with the server's reason shown when
 * it refuses and a notice when it is done.
 */
import { shallowRef } from 'vue'
import { ApiError } from '../auth/api.ts'
import { log } from '../log.ts'

export type EditorState = 'loading' | 'ready' | 'forbidden' | 'failed'

export interface EditorOptions<Doc, Result> {
  fetch: () => Promise<Doc>
  /** After each load, e.g. to fill forms from the stored document. */
  loaded?: (doc: Doc) => void
  /** After each accepted change, before the document is loaded again (e.g. close the open form). */
  changed?: () => void
  /** The notice once a change is stored and shown, from what the server answered. */
  done: (result: Result | void) => string
  /** The message when the server refuses a change, with its reason. */
  refused: (reason: string) => string
  /** What a change is, for the log. */
  what: string
}

export function useAdminEditor<Doc, Result = unknown>(options: EditorOptions<Doc, Result>) {
  const doc = shallowRef<Doc | null>(null)
  const state = shallowRef<EditorState>('loading')
  const problem = shallowRef('')
  const notice = shallowRef('')

  async function load(): Promise<void> {
    try {
      const body = await options.fetch()
      doc.value = body
      options.loaded?.(body)
      state.value = 'ready'
    } catch (error) {
      state.value = error instanceof ApiError && (error.status === 401 || error.status === 403) ? 'forbidden' : 'failed'
    }
  }

  /** Runs one change, then shows the document as stored; true when the server took it. */
  async function act(request: () => Promise<Result | void>): Promise<boolean> {
    problem.value = ''
    notice.value = ''
    try {
      const result = await request()
      options.changed?.()
      await load()
      notice.value = options.done(result)
      return true
    } catch (error) {
      log.warn(`${options.what} failed`, error)
      problem.value = options.refused(error instanceof Error ? error.message : '')
      return false
    }
  }

  return { doc, state, problem, notice, load, act }
}
