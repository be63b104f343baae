/**
 * Compiles the locale files (src/i18n/*.json and src/<feature>/i18n/*.json) to vue-i18n message ASTs at build time, so the
 * browser bundle can leave the message compiler out (about 5 KB gzip of the 90 KB budget).
 *
 * The files are nested for people to read; the output is flat ("app.name": AST), because
 * petite-vue-i18n looks keys up as they are (no path resolver in the bundle). It is still
 * JSON: vite's own JSON plugin turns it into a module afterwards.
 */
import { baseCompile } from '@intlify/message-compiler'
import type { Plugin } from 'vite'

type Messages = { [key: string]: string | Messages }

function compileTree(tree: Messages, file: string, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [name, value] of Object.entries(tree)) {
    const key = prefix + name
    if (typeof value !== 'string') {
      compileTree(value, file, `${key}.`, out)
      continue
    }
    const { ast } = baseCompile(value, {
      jit: true,
      location: false,
      minify: true,
      onError: (error) => {
        throw new Error(`${file} ${key}: ${error.message}`)
      },
    })
    out[key] = ast
  }
  return out
}

// The app's own texts (src/i18n/vi.json) and each feature's (src/<feature>/i18n/vi.json).
const LOCALE_FILE = /\/src\/(?:[a-z0-9-]+\/)*i18n\/[a-z]{2}\.json$/

export function precompiledMessages(): Plugin {
  return {
    name: 'portal:precompiled-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!LOCALE_FILE.test(id)) return null
      const file = id.slice(id.lastIndexOf('/') + 1)
      return { code: JSON.stringify(compileTree(JSON.parse(code) as Messages, file)), map: null }
    },
  }
}

/** Feature flags of vue and vue-i18n: no options API, no devtools, no compiler at run time. */
export const featureFlags = {
  __VUE_OPTIONS_API__: 'false',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  __VUE_I18N_FULL_INSTALL__: 'false',
  __VUE_I18N_LEGACY_API__: 'false',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
  __INTLIFY_JIT_COMPILATION__: 'true',
  __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
}
