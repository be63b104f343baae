/** Sets the page <title> of a view: "<view> — <portal name>", following language and data. */
import { useI18n } from 'petite-vue-i18n'
import { watchEffect } from 'vue'

export function usePageTitle(title: () => string | null): void {
  const { t } = useI18n()
  watchEffect(() => {
    const own = title()
    const site = `${t('app.name')} — ${t('app.province')}`
    document.title = own ? `${own} — ${site}` : site
  })
}
