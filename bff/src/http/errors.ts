/**
 * The one place where errors become responses: app.onError and app.notFound. API paths answer
 * problem+json; a browser navigating to a page gets an HTML error page (rendered by pages/).
 * Anything not an HttpError is logged with its stack and answered as a generic 500.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Logger } from '../log.ts'
import { bffProblemTypes, HttpError, internalError, invalidInput, notFound } from './problem.ts'

/** Renders an error as a full HTML page. */
export type HtmlErrorPage = (error: HttpError) => string

/** API and machine paths always get problem+json, whatever the Accept header says. */
const MACHINE_PATH = /^\/(api|auth|healthz)(\/|$)/

function wantsHtml(c: Context): boolean {
  if (MACHINE_PATH.test(c.req.path)) return false
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return false
  return c.req.header('Accept')?.includes('text/html') ?? false
}

export function respondWithError(c: Context, error: HttpError, htmlPage: HtmlErrorPage): Response {
  c.header('Cache-Control', 'no-store')
  if (wantsHtml(c)) return c.html(htmlPage(error), error.status)
  c.header('Content-Type', 'application/problem+json')
  return c.body(JSON.stringify(error.toProblem(c.req.path)), error.status)
}

function fromHonoException(exception: HTTPException): HttpError {
  if (exception.status === 400) return invalidInput([], exception.message || undefined)
  if (exception.status >= 500) return internalError()
  return new HttpError(exception.status, bffProblemTypes.httpError, 'Yêu cầu không thực hiện được', exception.message || undefined)
}

export function errorHandlers(logger: Logger, htmlPage: HtmlErrorPage): { onError: ErrorHandler; notFound: NotFoundHandler } {
  return {
    onError(error, c) {
      if (error instanceof HttpError) return respondWithError(c, error, htmlPage)
      if (error instanceof HTTPException) {
        if (error.status >= 500) logger.error({ err: error, path: c.req.path }, 'request failed')
        return respondWithError(c, fromHonoException(error), htmlPage)
      }
      logger.error({ err: error, path: c.req.path }, 'unhandled error')
      return respondWithError(c, internalError(), htmlPage)
    },
    notFound: (c) => respondWithError(c, notFound(), htmlPage),
  }
}
