/** How benches print: one line per figure, with its target and whether it is met. */
export interface Figure {
  name: string
  value: number
  unit: string
  /** The target, when the issue sets one. */
  target?: { op: '<=' | '>='; value: number }
  note?: string
}

export function met(f: Figure): boolean | undefined {
  if (!f.target) return undefined
  return f.target.op === '<=' ? f.value <= f.target.value : f.value >= f.target.value
}

export function formatFigure(f: Figure): string {
  const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(f.value < 10 ? 2 : 1)
  const target = f.target ? ` (target ${f.target.op} ${f.target.value} ${f.unit})` : ''
  const verdict = met(f) === undefined ? '' : met(f) ? '  ok' : '  MISSED'
  return `  ${f.name}: ${value} ${f.unit}${target}${verdict}${f.note ? `  — ${f.note}` : ''}`
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, i)]!
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50)
}
