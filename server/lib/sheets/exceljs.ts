// The one way into ExcelJS. Its streaming reader (4.4) decodes each chunk of an unzipped sheet on its
// own (lib/utils/parse-sax.js: bufferToString(chunk)), so a Chinese character that straddles two chunks
// came out as two U+FFFD — 3 rows in 30,000 of a Chinese customer list ("事���单位"). Until a release
// decodes across chunks, that module is put in Node's module cache, before ExcelJS loads it, as the same
// parser with one streaming TextDecoder per sheet. Every file reaches ExcelJS through here
// (sheets.test.ts checks), so no import can load the original first.
import * as nodeModule from 'node:module';
import type ExcelJSModule from 'exceljs';

// Not named `require`: the production bundle's banner declares one (scripts/build.mjs).
const load = nodeModule.createRequire(import.meta.url);

interface SaxEvent {
  eventType: 'opentag' | 'text' | 'closetag';
  value: unknown;
}

function patchParseSax() {
  const path = load.resolve('exceljs/lib/utils/parse-sax.js');
  if (load.cache[path]) return;
  const { SaxesParser } = load('saxes') as {
    SaxesParser: new () => {
      on(event: string, fn: (value: unknown) => void): void;
      write(text: string): void;
    };
  };
  async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
    const parser = new SaxesParser();
    const decoder = new TextDecoder('utf-8');
    let error: unknown;
    let events: SaxEvent[] = [];
    parser.on('error', (e) => {
      error = e;
    });
    parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
    for await (const chunk of iterable) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  }
  const m = new nodeModule.Module(path);
  m.filename = path;
  m.loaded = true;
  m.exports = parseSax;
  load.cache[path] = m;
}

let loaded: Promise<typeof ExcelJSModule> | null = null;

export function loadExcelJS(): Promise<typeof ExcelJSModule> {
  if (!loaded) {
    patchParseSax();
    loaded = import('exceljs').then((m) => m.default);
  }
  return loaded;
}
