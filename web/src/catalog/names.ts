/**
 * Names of fields and agency kinds in the chosen language (the data carries `nameEn`). Procedure
 * content itself is Vietnamese only.
 */
import { useI18n } from 'petite-vue-i18n'
import { computed } from 'vue'
import { useCatalogStore } from './store.ts'

export function useCatalogNames() {
  const { locale } = useI18n()
  const catalog = useCatalogStore()
  const fields = computed(() => new Map(catalog.fields.map((field) => [field.id, field])))
  const kinds = computed(() => new Map(catalog.agencyKinds.map((kind) => [kind.id, kind])))
  const pick = (item: { name: string; nameEn: string } | undefined, id: string) =>
    item ? (locale.value === 'en' ? item.nameEn : item.name) : id
  return {
    fieldName: (id: string) => pick(fields.value.get(id), id),
    kindName: (id: string) => pick(kinds.value.get(id), id),
  }
}
