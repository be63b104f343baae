/**
 * Writes `.br` and `.gz` beside each compressible file of the build, so the BFF serves them as
 * they are instead of compressing on every request. Runs last (after vite-plugin-pwa has
 * written the service worker and the manifest), over the whole output folder.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|webmanifest|txt|xml)$/
/** Below this a compressed copy saves less than the extra request headers cost. */
const MIN_BYTES = 1024
const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

async function compressFile(path: string): Promise<void> {
  const data = await readFile(path)
  if (data.byteLength < MIN_BYTES) return
  const [br, gzipped] = await Promise.all([
    brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength } }),
    gz(data, { level: 9 }),
  ])
  await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)])
}

export function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'portal:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const entries = await readdir(outDir, { recursive: true })
        await Promise.all(entries.filter((name) => COMPRESSIBLE.test(name)).map((name) => compressFile(join(outDir, name))))
      },
    },
  }
}
