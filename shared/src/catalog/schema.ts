/**
 * The procedure catalogue: what the app caches and the BFF serves. One schema for both sides
 * (valibot), so the device validates what it stores with the rules the server used.
 *
 * A catalogue version is `<epoch>.<seq>`: `epoch` (8 hex digits) identifies the database that
 * numbered it, `seq` grows by one for each change to any procedure, field or agency kind. A client
 * holding a version of another epoch (the server's database was rebuilt) gets the whole catalogue
 * again instead of a diff that could not be trusted.
 */
import * as v from 'valibot'

export const PROCEDURE_CODE = /^\d\.\d{6}$/
export const CATALOG_VERSION = /^[0-9a-f]{8}\.\d{1,15}$/

export const ProcedureCodeSchema = v.pipe(v.string(), v.regex(PROCEDURE_CODE))
export const CatalogVersionSchema = v.pipe(v.string(), v.regex(CATALOG_VERSION))

/** Level of government that handles a procedure (no districts since 1 July 2025). */
export const ProcedureLevelSchema = v.picklist(['province', 'commune'])
/** Online service level: toàn trình (full), một phần (partial), none (in person or by post only). */
export const OnlineServiceSchema = v.picklist(['full', 'partial', 'none'])
/** How a dossier reaches the agency. */
export const ChannelSchema = v.picklist(['online', 'in-person', 'post'])
export const TimeUnitSchema = v.picklist(['working-days', 'days', 'hours'])

export const ProcessingTimeOptionSchema = v.object({
  /** Absent: the same for every channel. */
  channel: v.optional(ChannelSchema),
  amount: v.pipe(v.number(), v.minValue(0)),
  unit: TimeUnitSchema,
  /** The case this time applies to, when the source gives several. */
  condition: v.optional(v.string()),
})

export const ProcessingTimeSchema = v.object({
  /** The text as published. */
  text: v.string(),
  options: v.array(ProcessingTimeOptionSchema),
  /** Set when the source is ambiguous (no unit, several unexplained figures): says how. */
  ambiguity: v.optional(v.string()),
})

export const FeeSchema = v.object({
  /**
   * free: no fee; fixed: amounts in `items`; by-regulation: set by another text (e.g. the
   * provincial People's Council), see `text`; unknown: the source states nothing usable.
   */
  kind: v.picklist(['free', 'fixed', 'by-regulation', 'unknown']),
  /** The text as published, when there is one. */
  text: v.optional(v.string()),
  items: v.array(
    v.object({
      channel: v.optional(ChannelSchema),
      amountVnd: v.pipe(v.number(), v.integer(), v.minValue(0)),
      /** What the amount is charged per ("trường hợp", "trang", "văn bản"...). */
      per: v.optional(v.string()),
      condition: v.optional(v.string()),
    }),
  ),
})

/** A dossier component (thành phần hồ sơ). */
export const ComponentSchema = v.object({
  /** Stable within its procedure (e.g. "c3"). */
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)),
  name: v.pipe(v.string(), v.minLength(1)),
  originals: v.pipe(v.number(), v.integer(), v.minValue(0)),
  copies: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The case the component belongs to, when the source groups them ("Trường hợp ủy quyền..."). */
  group: v.optional(v.string()),
  /** Shown at the counter (giấy tờ phải xuất trình), not handed in. */
  presentOnly: v.boolean(),
})

export const ProcedureSchema = v.object({
  code: ProcedureCodeSchema,
  name: v.pipe(v.string(), v.minLength(1)),
  level: ProcedureLevelSchema,
  /** Field (lĩnh vực) id, see FieldSchema. */
  field: v.string(),
  /** Kind of agency that handles it, see AgencyKindSchema. */
  agencyKind: v.string(),
  /** The implementing agencies as the source names them. */
  agencyText: v.optional(v.string()),
  onlineService: OnlineServiceSchema,
  submissionMethods: v.array(ChannelSchema),
  processingTime: ProcessingTimeSchema,
  fee: FeeSchema,
  components: v.array(ComponentSchema),
  /** Source lines that are guidance rather than components. */
  notes: v.array(v.string()),
  result: v.string(),
  legalBasis: v.array(v.string()),
  /** Name of the official declaration form, when there is one. */
  formName: v.optional(v.string()),
  /** Decision that published the procedure (e.g. "163/QĐ-BTP"). */
  decisionNumber: v.optional(v.string()),
  /** Where the facts come from (URLs or repository paths). */
  sources: v.array(v.string()),
})

/** Field (lĩnh vực). `id` is a URL slug; `code` is `<level-1 unit code>-<field code>` (TT 01/2018 Art. 20). */
export const FieldSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  code: v.string(),
  name: v.string(),
  nameEn: v.string(),
})

/** A kind of agency (e.g. commune People's Committee, provincial Department of Justice). */
export const AgencyKindSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  name: v.string(),
  nameEn: v.string(),
  level: ProcedureLevelSchema,
})

/** Identification code of an agency or unit per TT 10/2016 (`V1V2V3.Z1Z2.Y1Y2.MX1X2`). */
export const AgencyCodeSchema = v.pipe(v.string(), v.regex(/^\d{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[GH]\d{2}$/))

/**
 * An agency of the demo province, or a unit of one. Administrators edit the directory
 * (bff/src/catalog/directory): an entry named by dossiers or roles is deactivated, never deleted,
 * so its code keeps resolving. Only active entries that are not units receive dossiers and are
 * published to the app (`GET /api/agencies`).
 */
export const AgencySchema = v.object({
  code: AgencyCodeSchema,
  name: v.string(),
  nameEn: v.string(),
  kind: v.string(),
  /** 5-digit statistics-office code of the commune it serves (commune-level agencies). */
  communeCode: v.optional(v.pipe(v.string(), v.regex(/^\d{5}$/))),
  address: v.optional(v.string()),
  phone: v.optional(v.string()),
  /** Code of the agency it belongs to (a department's unit, a commune police under the provincial police). */
  parent: v.optional(AgencyCodeSchema),
  /** A unit inside its parent (phòng, bộ phận): dossiers are transferred to it, never submitted to it. */
  unit: v.optional(v.literal(true)),
  /** Deactivated by an administrator: kept for the dossiers and roles that name it, receives nothing new. */
  inactive: v.optional(v.literal(true)),
})

export const CatalogSchema = v.object({
  version: CatalogVersionSchema,
  fields: v.array(FieldSchema),
  agencyKinds: v.array(AgencyKindSchema),
  procedures: v.array(ProcedureSchema),
})

/** Answer of `GET /api/catalog/changes?since=`. `reset`: `since` was of another epoch; replace all. */
export const CatalogChangesSchema = v.object({
  version: CatalogVersionSchema,
  reset: v.boolean(),
  fields: v.array(FieldSchema),
  agencyKinds: v.array(AgencyKindSchema),
  changed: v.array(ProcedureSchema),
  removed: v.array(ProcedureCodeSchema),
})

export const AgencyDirectorySchema = v.object({
  province: v.object({ code: v.string(), name: v.string(), statisticsCode: v.string() }),
  agencies: v.array(AgencySchema),
})

export type ProcedureLevel = v.InferOutput<typeof ProcedureLevelSchema>
export type OnlineService = v.InferOutput<typeof OnlineServiceSchema>
export type Channel = v.InferOutput<typeof ChannelSchema>
export type ProcessingTime = v.InferOutput<typeof ProcessingTimeSchema>
export type Fee = v.InferOutput<typeof FeeSchema>
export type Component = v.InferOutput<typeof ComponentSchema>
export type Procedure = v.InferOutput<typeof ProcedureSchema>
export type Field = v.InferOutput<typeof FieldSchema>
export type AgencyKind = v.InferOutput<typeof AgencyKindSchema>
export type Agency = v.InferOutput<typeof AgencySchema>
export type Catalog = v.InferOutput<typeof CatalogSchema>
export type CatalogChanges = v.InferOutput<typeof CatalogChangesSchema>
export type AgencyDirectory = v.InferOutput<typeof AgencyDirectorySchema>
