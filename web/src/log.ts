/**
 * The app's one logger. Problems the user need not act on (a rejected server answer, a
 * storage repair) go here rather than into the UI; a reporting endpoint can hook in later.
 */
export const log = {
  warn(message: string, detail?: unknown): void {
    console.warn(`[portal] ${message}`, detail ?? '')
  },
}
