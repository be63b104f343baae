/** The OpenAPI part of the slips (Mẫu 01–05) and the register (Mẫu 06): PDFs, errors as problem+json. */
import { REGISTER_MAX_DAYS, REGISTER_MAX_ROWS } from './routes.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } })
const pdf = (description: string) => ({
  description,
  headers: { 'Content-Disposition': { schema: { type: 'string' }, description: 'inline, with a file name carrying the dossier code (or the agency and range)' } },
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
})
const session = [{ sessionCookie: [] }]
const day = (name: string, description: string) => ({ name, in: 'query', required: true, schema: { type: 'string', format: 'date' }, description })

export const slipPaths = {
  '/api/dossiers/{id}/slips/{form}': {
    get: {
      operationId: 'getDossierSlip',
      summary: 'A slip of TT 01/2018 for the dossier, A5 PDF: the latest one of that form its life issued',
      description:
        'Forms: 1 Giấy tiếp nhận hồ sơ và hẹn trả kết quả, 2 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, 3 Phiếu từ chối tiếp nhận giải quyết hồ sơ, ' +
        '4 Phiếu xin lỗi và hẹn lại ngày trả kết quả, 5 Phiếu kiểm soát quá trình giải quyết hồ sơ. For the dossier’s owner and the officers of its agency (read by an officer: audited).',
      security: session,
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, description: 'The dossier id.' },
        { name: 'form', in: 'path', required: true, schema: { type: 'string', enum: ['1', '2', '3', '4', '5'] }, description: 'The form number.' },
      ],
      responses: {
        200: pdf('PDF (A5); its Subject is the dossier code, printed also as text and QR code'),
        400: problem('Malformed id or form (invalid-input)'),
        401: problem('No session (unauthenticated)'),
        404: problem('No such dossier of mine or of my agency, or no slip of that form issued for it (not-found)'),
      },
    },
  },
  '/api/officer/register.pdf': {
    get: {
      operationId: 'getRegisterPdf',
      summary: 'The register (Sổ theo dõi hồ sơ, Mẫu 06) of an agency for a range of days, A4 landscape PDF',
      description: `One row per dossier registered with the agency on those days (Vietnam time, both included; at most ${REGISTER_MAX_DAYS} days and ${REGISTER_MAX_ROWS} dossiers). For officers of that agency; audited.`,
      security: session,
      parameters: [
        { name: 'agency', in: 'query', required: true, schema: { type: 'string' }, description: 'The agency code (TT 10/2016).' },
        day('from', 'First day, yyyy-mm-dd'),
        day('to', 'Last day, yyyy-mm-dd, not before from'),
      ],
      responses: {
        200: pdf('PDF (A4 landscape), pages numbered, the header row on each page'),
        400: problem('A missing or malformed day, or a range backwards or too long (invalid-input; errors[] with paths from, to)'),
        401: problem('No session (unauthenticated)'),
        403: problem('Not an officer of that agency, or no second factor (forbidden, mfa-required)'),
        422: problem(`More than ${REGISTER_MAX_ROWS} dossiers in the range (register-too-large): ask for a shorter one`),
      },
    },
  },
}
