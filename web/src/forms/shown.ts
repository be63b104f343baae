/**
 * Which validation issues are on screen. A field's issue appears when the field is left (not
 * while the user is still typing) and for a whole step on an attempt to continue; once shown,
 * it follows the answer: it goes as soon as the answer is right, and changes with what it lacks.
 */
import { shallowRef, watch, type Ref } from 'vue'
import type { FormIssue } from '@portal/shared/forms/issues'

export function useShownIssues(issues: Readonly<Ref<readonly FormIssue[]>>) {
  const shown = shallowRef<ReadonlyMap<string, FormIssue>>(new Map())

  /** Shows the current issue of each path (or none, when it has none now). */
  function show(paths: Iterable<string>): void {
    const next = new Map(shown.value)
    for (const path of paths) {
      const issue = issues.value.find((candidate) => candidate.path === path)
      if (issue) next.set(path, issue)
      else next.delete(path)
    }
    shown.value = next
  }

  watch(issues, () => show([...shown.value.keys()]))

  return { shown, show, showAll: (found: readonly FormIssue[]) => show(found.map((issue) => issue.path)) }
}
