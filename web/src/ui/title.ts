/** Sets the page <title> of a view as the server pages do: "<view> | <site>", the site alone at home. */
import { useI18n } from 'petite-vue-i18n'
import { watchEffect } from 'vue'

export function usePageTitle(title: () => string | null): void {
  const { t } = useI18n()
  watchEffect(() => {
    const own = title()
    document.title = own ? `${own} | ${t('app.site')}` : t('app.site')
  })
}
