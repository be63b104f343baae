/**
 * The dossier definition of a procedure, from the shared registry (the same the BFF checks a
 * submission against): a registered form loads as its own chunk; any other procedure gets the
 * catalogue's components, its declaration as a file (design decision 17).
 */
import { shallowRef, watch } from 'vue'
import type { Procedure } from '@portal/shared/catalog/schema'
import type { DossierDefinition } from '@portal/shared/forms/definition'
import { dossierDefinitionFor } from '@portal/shared/forms/registry'
import { log } from '../log.ts'

export { canStartOnline, dossierDefinitionFor, hasElectronicForm } from '@portal/shared/forms/registry'

/** The definition of the current procedure, null until it is loaded (or when there is none). */
export function useDefinition(procedure: () => Procedure | null) {
  const definition = shallowRef<DossierDefinition | null>(null)
  let latest = 0
  watch(
    procedure,
    async (current) => {
      const ticket = ++latest
      try {
        const loaded = current ? await dossierDefinitionFor(current) : null
        if (ticket === latest) definition.value = loaded
      } catch (error) {
        log.warn('dossier definition could not be loaded', error)
      }
    },
    { immediate: true },
  )
  return definition
}
