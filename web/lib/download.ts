// A list's export (GET <list>?format=xlsx|csv) saved through the browser. Fetched rather than linked:
// the request carries the language the app shows (a plain link would send the browser's own), and a
// refusal (a bad filter, no permission) comes back as a message instead of a page of JSON.
import { ApiError, isEnglish, withQuery, type Query } from './api.ts';
import type { ErrorBody } from '../../core/schemas/common.ts';

export type ExportFormat = 'xlsx' | 'csv';

/** The file's name from Content-Disposition: the UTF-8 one (客户-2026-12-07.xlsx) before the ASCII fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (utf8) return decodeURIComponent(utf8[1]);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

export async function downloadExport(path: string, query: Query, format: ExportFormat): Promise<void> {
  const res = await fetch(withQuery(path, { ...query, cursor: undefined, limit: undefined, format }), {
    credentials: 'same-origin',
    headers: { 'Accept-Language': isEnglish() ? 'en' : 'zh-CN' },
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ErrorBody | null;
    throw new ApiError(res.status, body, `${res.status} ${res.statusText}`);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition'), `export.${format}`);
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The click has handed the file to the browser's download by the next task; the URL can go then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
