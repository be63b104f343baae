/** Bilingual texts of a definition, in the current language (Vietnamese when not English). */
import type { Text } from '@portal/shared/forms/definition'
import { useI18n } from 'petite-vue-i18n'

export function useText() {
  const { locale } = useI18n()
  return (text: Text | undefined) => (text ? (locale.value === 'en' ? text.en : text.vi) : '')
}
