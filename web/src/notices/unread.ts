/**
 * How many of the signed-in person's notices are unread, for the header's badge: a plain ref on
 * the home route, filled by the notices' boot module (boot.ts) once the browser is idle.
 */
import { shallowRef } from 'vue'

export const unread = shallowRef(0)
