/** A form of fields mounted as the draft editor mounts them, over values kept in memory. */
import { mount } from '@vue/test-utils'
import { computed, defineComponent, h, provide, shallowRef } from 'vue'
import type { Field, FormDefinition } from '@portal/shared/forms/definition'
import { formatIssue } from '@portal/shared/forms/messages'
import { validateForm } from '@portal/shared/forms/validate'
import { isFieldVisible } from '@portal/shared/forms/visibility'
import { i18n } from '../i18n/index.ts'
import { formContextKey } from './context.ts'
import FormField from './FormField.vue'
import { readPath, writePath, type Values } from './paths.ts'
import { useShownIssues } from './shown.ts'

/** `prefilled`: paths filled from the account, each marked until it is changed. */
export function mountFields(fields: Field[], initial: Values = {}, prefilled: string[] = []) {
  const values = shallowRef<Values>(initial)
  const marks = shallowRef(new Set(prefilled))
  const form: FormDefinition = { id: 'test', title: { vi: 'T', en: 'T' }, version: 1, sections: [{ id: 's', title: { vi: 'S', en: 'S' }, fields }] }
  const issues = computed(() => validateForm(form, values.value, { today: '2026-11-27' }))
  const Host = defineComponent(() => {
    const { shown, show } = useShownIssues(issues)
    provide(formContextKey, {
      valueOf: (path) => readPath(values.value, path),
      change: (path, value) => {
        values.value = writePath(values.value, path, value)
        if (marks.value.has(path)) marks.value = new Set([...marks.value].filter((p) => p !== path))
      },
      errorOf: (path) => {
        const issue = shown.value.get(path)
        return issue && formatIssue(issue, 'vi', 'label')
      },
      focus: () => undefined,
      blur: (path, event) => {
        if (!(event?.relatedTarget instanceof HTMLButtonElement)) show([path])
      },
      prefilled: (path) => marks.value.has(path),
      visible: (field, scope) => isFieldVisible(field, values.value, scope ? (readPath(values.value, scope.slice(0, -1)) as Values) : undefined),
    })
    return () => h('form', fields.map((field) => h(FormField, { field, scope: '' })))
  })
  return { wrapper: mount(Host, { global: { plugins: [i18n] }, attachTo: document.body }), values, marks }
}
