/**
 * The issuing body printed on the slips, from the agency directory: the agency that received the
 * dossier, the body it belongs to (its parent in the directory, else the province's People's
 * Committee, `000.00.00.H<nn>`: domain.md §4), the province as the place of issue, and the names
 * of the units a dossier passes through. A code the directory does not know is printed as a code.
 */
import type { AgencyDirectory } from '@portal/shared/catalog/schema'
import type { Issuer } from './layout.ts'

export function issuerOf(directory: AgencyDirectory, agencyCode: string, fallbackName: string): Issuer {
  const byCode = new Map(directory.agencies.map((a) => [a.code, a]))
  const agency = byCode.get(agencyCode)
  const province = directory.agencies.find((a) => /^000\.00\.00\.[GH]\d{2}$/.test(a.code) && a.code.endsWith(`.${directory.province.code}`))
  const parentCode = agency?.parent ?? province?.code
  const governing = parentCode && parentCode !== agencyCode ? byCode.get(parentCode)?.name : undefined
  return {
    ...(governing ? { governing } : {}),
    agency: agency?.name ?? fallbackName,
    agencyCode,
    place: directory.province.name || 'Việt Nam',
    ...(agency?.phone ? { phone: agency.phone } : {}),
    ...(agency?.address ? { address: agency.address } : {}),
    unitName: (code) => byCode.get(code)?.name ?? `Đơn vị mã ${code}`,
  }
}
