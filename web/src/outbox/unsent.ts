/**
 * How many outbox items are not yet sent, for the header: a plain ref on the home route, filled
 * by the lazily loaded outbox boot (boot.ts) once the first screen is up.
 */
import { shallowRef } from 'vue'

export const unsent = shallowRef(0)
