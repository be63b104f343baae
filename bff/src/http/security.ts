/**
 * Security headers on every response, with a Content-Security-Policy that allows exactly what
 * the built app needs: its own scripts, styles, workers and manifest, images from itself and
 * from data:/blob: URLs (previews of attachments), no framing. JSON-LD blocks in server pages
 * are data, not script, so the CSP needs no hash or nonce for them. No 'unsafe-inline': the web
 * build must not inline scripts or styles into index.html.
 */
import { secureHeaders } from 'hono/secure-headers'

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
}

export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
  })
}
