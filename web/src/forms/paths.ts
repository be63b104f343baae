/**
 * Value paths: `fieldId` at the top level, `groupId.<index>.fieldId` inside a repeated group
 * (shared/src/forms/definition.ts). Values are stored nested (a group is an array of records);
 * these read and write one path without changing the objects they were given.
 */
export type Values = Record<string, unknown>

export function readPath(values: Values, path: string): unknown {
  let node: unknown = values
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

/** A copy of `values` with `path` set (missing groups and items are created on the way). */
export function writePath(values: Values, path: string, value: unknown): Values {
  const [key, ...rest] = path.split('.') as [string, ...string[]]
  if (!rest.length) return { ...values, [key]: value }
  const items = Array.isArray(values[key]) ? [...(values[key] as Values[])] : []
  const index = Number(rest[0])
  items[index] = writePath({ ...(items[index] ?? {}) }, rest.slice(1).join('.'), value)
  for (let i = 0; i < items.length; i++) items[i] ??= {}
  return { ...values, [key]: items }
}

/** Whether `path` lies inside the group at `prefix` (`members.1.name` inside `members`). */
export function isInside(path: string, prefix: string): boolean {
  return path.startsWith(`${prefix}.`)
}
