/**
 * Vietnamese text folding for search and matching.
 *
 * Folding lowercases, decomposes (NFD) and drops combining marks, so "Đăng ký" and "dang ky"
 * compare equal. NFD leaves "đ"/"Đ" (a letter of its own, not d + a mark), so it is mapped to "d"
 * explicitly. Used by the search index on both sides (device and server) so that folding is one
 * function everywhere.
 *
 * @example fold('Đăng ký khai sinh') === 'dang ky khai sinh'
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
}
