// Bundled by esbuild into the page for the Chromium search bench.
import { measureSearch } from './search-core.ts'

;(globalThis as unknown as { measureSearch: typeof measureSearch }).measureSearch = measureSearch
