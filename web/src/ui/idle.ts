/**
 * Resolves once the page has loaded and the browser next reports an idle period
 * (requestIdleCallback; a short timer where it is missing, as in older Safari). Work that can
 * wait — opening the database, storing the catalogue for offline use — starts then, so it does
 * not compete with what the page needs to show itself over a slow link.
 */
export function afterIdle(timeoutMs = 2000): Promise<void> {
  const loaded =
    document.readyState === 'complete' ? Promise.resolve() : new Promise<void>((resolve) => window.addEventListener('load', () => resolve(), { once: true }))
  return loaded.then(
    () =>
      new Promise<void>((resolve) => {
        if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: timeoutMs })
        else setTimeout(resolve, 50)
      }),
  )
}
