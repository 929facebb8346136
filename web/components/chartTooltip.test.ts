// Chart tooltips never turn a user's text into markup (issue 19 item 4), and nothing in the web app
// bypasses that: every chart draws through useEChart, and no component writes HTML strings itself.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { escapeHtml, tooltipHtml, withSafeTooltips } from './chartTooltip.ts';

const XSS = `<img src=x onerror=alert('x')>`;
const ESCAPED = '&lt;img src=x onerror=alert(&#39;x&#39;)&gt;';
type Fn = (params: unknown, ticket?: string, callback?: (ticket: string, html: unknown) => void) => unknown;

describe('tooltip markup', () => {
  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;');
  });

  it('tooltipHtml keeps the template as markup and escapes what is interpolated', () => {
    const inner = tooltipHtml`<b>${XSS}</b>`;
    expect(inner.html).toBe(`<b>${ESCAPED}</b>`);
    expect(tooltipHtml`${XSS}<br/>${3} · ${null}${inner}`.html).toBe(`${ESCAPED}<br/>3 · <b>${ESCAPED}</b>`);
  });
});

describe('withSafeTooltips', () => {
  it("escapes a formatter's plain string wherever a tooltip sits: the chart's, a series', a data item's, a list of them", () => {
    const raw: Fn = () => `${XSS}<br/>`;
    const option = withSafeTooltips({
      tooltip: { trigger: 'item', formatter: raw },
      legend: { tooltip: [{ formatter: raw }] },
      series: [
        { type: 'funnel', tooltip: { formatter: raw }, data: [{ name: XSS, value: 1, tooltip: { formatter: raw } }] },
      ],
    });
    const formatters = [
      option.tooltip.formatter,
      option.legend.tooltip[0].formatter,
      option.series[0].tooltip.formatter,
      option.series[0].data[0].tooltip.formatter,
    ];
    for (const f of formatters) expect((f as Fn)({})).toBe(`${ESCAPED}&lt;br/&gt;`);
  });

  it('lets markup from tooltipHtml through, its values escaped; the asynchronous callback too', () => {
    const option = withSafeTooltips({
      tooltip: {
        formatter: ((p: { name: string }, ticket: string, callback: (t: string, html: unknown) => void) => {
          callback(ticket, tooltipHtml`${p.name}<br/>`);
          callback(ticket, p.name);
          return tooltipHtml`${p.name}<br/>`;
        }) as Fn,
      },
    });
    const seen: unknown[] = [];
    const out = (option.tooltip.formatter as Fn)({ name: XSS }, 't1', (ticket, html) => seen.push([ticket, html]));
    expect(out).toBe(`${ESCAPED}<br/>`);
    expect(seen).toEqual([
      ['t1', `${ESCAPED}<br/>`],
      ['t1', ESCAPED],
    ]);
  });

  it('leaves canvas formatters (labels, axes) and string templates to ECharts, and an option without a tooltip formatter untouched', () => {
    const label = (p: { name: string }) => p.name;
    const data = [1, 2, 3];
    const option = {
      tooltip: { trigger: 'axis', valueFormatter: label },
      xAxis: { axisLabel: { formatter: '{value}%' } },
      series: [{ label: { formatter: label }, data }],
    };
    expect(withSafeTooltips(option)).toBe(option);
    const withOne = withSafeTooltips({ ...option, tooltip: { formatter: label } });
    expect(withOne.series).toBe(option.series);
    expect(withOne.series[0].label.formatter).toBe(label);
  });
});

describe('the web app has no other way to put text into the page as HTML', () => {
  const root = new URL('..', import.meta.url).pathname;
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? e.name === 'dist' || e.name === 'node_modules'
          ? []
          : files(join(dir, e.name))
        : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts')
          ? [join(dir, e.name)]
          : [],
    );
  const sources = files(root).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

  it('every chart draws through useEChart', () => {
    const importers = sources.filter((s) => /from ['"]echarts/.test(s.text)).map((s) => s.path);
    expect(importers).toEqual(['components/useEChart.ts']);
  });

  it('no component sets HTML directly', () => {
    const html =
      /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|createContextualFragment/;
    expect(sources.filter((s) => html.test(s.text)).map((s) => s.path)).toEqual([]);
  });
});
