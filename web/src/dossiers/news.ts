/**
 * How many of the signed-in person's dossiers changed since they last looked, for the header:
 * a plain ref on the home route, filled by the lazily loaded outbox boot (outbox/boot.ts).
 */
import { shallowRef } from 'vue'

export const news = shallowRef(0)
