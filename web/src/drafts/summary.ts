/** An entry of an error summary: what to fix and where. */
export interface SummaryItem {
  text: string
  /** The control's id on this page, or a route (with a #id) on another. */
  target: string
}
