/**
 * File sizes in the reader's language, in binary units so that the limits read as they are
 * set (10 MB, 50 MB: 10 × 1024 × 1024 bytes), which is also how phones show file sizes.
 */
const KB = 1024
const MB = KB * 1024
const GB = MB * 1024

export function formatBytes(bytes: number, locale: string): string {
  const tag = locale === 'en' ? 'en-GB' : 'vi-VN'
  const [value, unit] = bytes >= GB ? [bytes / GB, 'gigabyte'] : bytes >= MB ? [bytes / MB, 'megabyte'] : [Math.max(bytes, bytes > 0 ? KB : 0) / KB, 'kilobyte']
  // A no-break space keeps the figure and its unit on one line ("5 GB", never "5" / "GB").
  return new Intl.NumberFormat(tag, { style: 'unit', unit, maximumFractionDigits: unit === 'kilobyte' ? 0 : 1 }).format(value).replace(/ /g, '\u00a0')
}
