// Dates as spreadsheets hold them: ISO (2027-03-31), slashes or dots (2027/3/31, 2027.3.31), Chinese
// (2027年3月31日), compact (20270331), with a time after them, and Excel's serial day numbers.

export type ParsedDate = { ok: true; value: string } | { ok: false; reason: 'empty' | 'invalid' | 'out_of_range' };

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel's day 0 is 1899-12-30 once its 1900 leap-year bug (a 29 February 1900) is allowed for. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** 1900-03-01 … 9999-12-31: serials before 61 fall in the days Excel counts wrong. */
const SERIAL_MIN = 61;
const SERIAL_MAX = 2_958_465;

function ymd(y: number, m: number, d: number): ParsedDate {
  if (y < 1900 || y > 9999) return { ok: false, reason: 'out_of_range' };
  const t = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 2027-02-30 into March: a real date comes back unchanged.
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) {
    return { ok: false, reason: 'invalid' };
  }
  return { ok: true, value: `${y}-${pad(m)}-${pad(d)}` };
}

/** An Excel serial day number (whole or with a time fraction) as a calendar date. */
export function excelSerialDate(serial: number): ParsedDate {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial > SERIAL_MAX)
    return { ok: false, reason: 'out_of_range' };
  const t = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return { ok: true, value: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}` };
}

const SEPARATED =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{2,7}(?:\.\d+)?$/;

/**
 * A cell's date as YYYY-MM-DD. A spreadsheet library hands over a Date (read as the calendar date it
 * shows, in UTC as xlsx stores it), a number (an Excel serial) or text in any of the forms above,
 * full-width digits included.
 */
export function parseImportDate(cell: string | number | Date | null | undefined): ParsedDate {
  if (cell === null || cell === undefined) return { ok: false, reason: 'empty' };
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false, reason: 'invalid' };
    return ymd(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') return excelSerialDate(cell);
  const text = cell.normalize('NFKC').trim();
  if (!text) return { ok: false, reason: 'empty' };
  const sep = text.match(SEPARATED);
  if (sep) return ymd(Number(sep[1]), Number(sep[2]), Number(sep[3]));
  const compact = text.match(COMPACT);
  if (compact) return ymd(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  // A serial typed or exported as text ("46477").
  if (SERIAL.test(text)) return excelSerialDate(Number(text));
  return { ok: false, reason: 'invalid' };
}

const CLOCK = /[\sT]+(\d{1,2})[:：](\d{2})/u;

/**
 * A cell's date and time as the wall-clock time it shows, at the given UTC offset (the organisation's,
 * "+08:00" in China): 2027-03-31 14:30 → 2027-03-31T14:30:00+08:00. A date alone is taken at 09:00, the
 * start of a working day; a time fraction of an Excel serial or a Date's clock is kept.
 */
export function parseImportDateTime(cell: string | number | Date | null | undefined, offset = '+08:00'): ParsedDate {
  const date = parseImportDate(cell);
  if (!date.ok) return date;
  let hours = 9;
  let minutes = 0;
  if (cell instanceof Date) {
    if (cell.getUTCHours() || cell.getUTCMinutes()) [hours, minutes] = [cell.getUTCHours(), cell.getUTCMinutes()];
  } else if (typeof cell === 'number') {
    const fraction = Math.round((cell - Math.floor(cell)) * 24 * 60);
    if (fraction) [hours, minutes] = [Math.floor(fraction / 60), fraction % 60];
  } else {
    const clock = String(cell).normalize('NFKC').match(CLOCK);
    if (clock) [hours, minutes] = [Number(clock[1]), Number(clock[2])];
    if (hours > 23 || minutes > 59) return { ok: false, reason: 'invalid' };
  }
  return { ok: true, value: `${date.value}T${pad(hours)}:${pad(minutes)}:00${offset}` };
}
