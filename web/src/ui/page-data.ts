/**
 * The data a server page carries for the app (bff/src/pages/html.ts, pageData): the view that
 * takes the page over shows it at once instead of asking the BFF again, so the figures a visitor
 * is reading never give way to "loading" when the app starts. It is taken once: it describes the
 * page the browser first loaded, not any later visit to the same route.
 */
import * as v from 'valibot'
import { log } from '../log.ts'

export function takePageData<S extends v.GenericSchema>(schema: S): v.InferOutput<S> | undefined {
  const element = document.getElementById('page-data')
  if (!element) return undefined
  element.remove()
  let data: unknown
  try {
    data = JSON.parse(element.textContent ?? '')
  } catch (error) {
    log.warn('page data unreadable', error)
    return undefined
  }
  const parsed = v.safeParse(schema, data)
  if (parsed.success) return parsed.output
  log.warn('page data rejected', parsed.issues)
  return undefined
}
