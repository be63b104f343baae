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

/**
 * HSTS is sent on every answer, whatever PUBLIC_ORIGIN says: browsers ignore it over plain
 * http (RFC 6797 §8.1), so it costs nothing in development and cannot be forgotten behind TLS.
 * A year, the floor of the HSTS preload list. Permissions: the camera for photographing
 * documents; no microphone, location or payment.
 */
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    // Not no-referrer: with it, browsers send `Origin: null` on our own form posts (Fetch
    // spec, "serializing a request origin"), which the Origin checks must then refuse.
    referrerPolicy: 'same-origin',
    permissionsPolicy: { camera: ['self'], microphone: [], geolocation: [], payment: [], usb: [] },
  })
}
