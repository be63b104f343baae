import { Hono } from 'hono'
import { buildOpenApiDocument } from './document.ts'

export function openApiRoutes(publicOrigin: string) {
  const app = new Hono()
  const document = JSON.stringify(buildOpenApiDocument(publicOrigin))
  app.get('/api/openapi.json', (c) => {
    c.header('Cache-Control', 'no-cache')
    c.header('Content-Type', 'application/json')
    return c.body(document)
  })
  return app
}
