/**
 * One pino logger for the process, passed to the app in its dependencies; request logging as a
 * Hono middleware (one line per request, after the answer, with its duration).
 */
import type { MiddlewareHandler } from 'hono'
import { pino, type DestinationStream, type Logger } from 'pino'
import type { LogLevel } from './config/config.ts'

export type { Logger }

/**
 * JSON lines on stdout by default; tests pass a destination to read what was logged.
 * @example const logger = createLogger('info')
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'portal-bff' } }
  return destination ? pino(options, destination) : pino(options)
}

/** Logs method, path, status and duration of every request; 5xx at error level. */
export function requestLogger(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    await next()
    const status = c.res.status
    const line = {
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    }
    if (status >= 500) logger.error(line, 'request')
    else logger.info(line, 'request')
  }
}
