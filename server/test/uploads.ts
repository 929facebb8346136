// Test support: an upload as the browser sends it (multipart form data), injected into the app, and the
// wait for the job it starts. Node's own FormData and Request write the multipart body.
import type { App } from '../lib/app-type.ts';
import type { Client } from './helper.ts';
import type { ImportJob } from '../../core/schemas/imports.ts';
import { loadExcelJS } from '../lib/sheets/exceljs.ts';

export async function upload(
  app: App,
  client: Client,
  path: '/api/imports' | '/api/imports/preview',
  file: { name: string; content: Buffer } | null,
  fields: Record<string, string>,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file.content)]), file.name);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  const payload = Buffer.from(await req.arrayBuffer());
  return app.inject({
    method: 'POST',
    url: path,
    payload,
    headers: { cookie: client.cookie, 'content-type': req.headers.get('content-type') ?? '' },
  });
}

/** Starts an import and waits for this instance's runner to finish it; answers the finished job. */
export async function importFile(
  app: App,
  client: Client,
  file: { name: string; content: Buffer },
  fields: Record<string, string>,
): Promise<ImportJob> {
  const res = await upload(app, client, '/api/imports', file, fields);
  if (res.statusCode !== 202) throw new Error(`import refused: ${res.statusCode} ${res.body}`);
  await app.imports.idle();
  return (await client.get(`/api/imports/${res.json<ImportJob>().id}`)).json<ImportJob>();
}

/** A workbook made with ExcelJS, as a team's own sheet would be: a header row, then the rows. */
export async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('客户');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The first worksheet of an .xlsx answer (an export, an error report), read back with ExcelJS. */
export async function firstSheet(content: Buffer) {
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(content).buffer as Parameters<typeof book.xlsx.load>[0]);
  return book.worksheets[0];
}
