/** Sorting names the way their language sorts them. */
const collators = new Map<string, Intl.Collator>()

/**
 * Compares names in a language's order ('vi': Ă after A, Đ after D). `localeCompare(x, locale)`
 * builds a collator on every call, which made sorting the home page's tiles a long task on a
 * slow phone; one collator per language is built once.
 */
export function compareNames(locale: string): (a: string, b: string) => number {
  let collator = collators.get(locale)
  if (!collator) {
    collator = new Intl.Collator(locale)
    collators.set(locale, collator)
  }
  return collator.compare
}
