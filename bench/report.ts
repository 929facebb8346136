// Renders the measurements as markdown: PGlite and PostgreSQL side by side, plus the targets.
import { cpus, loadavg, totalmem } from 'node:os';
import type { Measurement, Scenario } from './load.ts';
import type { DealSeedInfo } from './deals.ts';
import type { ActivitySeedInfo } from './activities.ts';
import type { QuotaSeedInfo } from './quotas.ts';

export interface BackendReport {
  kind: 'pglite' | 'postgres';
  /** Why the backend did not run, if it did not. */
  unavailable?: string;
  seedSeconds?: number;
  seedSteps?: [string, number][];
  reused?: boolean;
  accounts?: number;
  contacts?: number;
  deals?: DealSeedInfo;
  activities?: ActivitySeedInfo;
  quotas?: QuotaSeedInfo;
  measurements: Measurement[];
}

export interface ReportInput {
  scenarios: Scenario[];
  users: { key: string; label: string }[];
  backends: BackendReport[];
  durationSec: number;
  warmupSec: number;
  processWarmupSec: number;
  connections: number;
}

/** Targets on PostgreSQL (2 cores): p99 in milliseconds by scenario kind. */
export const TARGETS: Record<Scenario['kind'], number | null> = { list: 30, search: 50, detail: null };

const fmt = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));

export function renderReport(input: ReportInput): string {
  const byKind = new Map(input.backends.map((b) => [b.kind, b]));
  const cell = (kind: BackendReport['kind'], scenario: string, user: string) =>
    byKind.get(kind)?.measurements.find((m) => m.scenario === scenario && m.user === user);
  const lines: string[] = [];
  const cpu = cpus();
  lines.push('# OpenKAM benchmark results', '');
  lines.push(
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'} · ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version}`,
    `autocannon: ${input.connections} connections × ${input.durationSec} s per row after ${input.warmupSec} s of warm-up (and ${input.processWarmupSec} s of unmeasured load over all the scenarios once per process, before the first row), loopback; the app runs in-process, PGlite inside it, PostgreSQL as a local server.`,
    `Load average when the report was written: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} — other work on the machine inflates latencies.`,
    '',
  );
  for (const b of input.backends) {
    if (b.unavailable) lines.push(`- **${b.kind}**: not run — ${b.unavailable}`);
    else {
      const steps = (b.seedSteps ?? []).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ');
      lines.push(
        `- **${b.kind}**: ${b.accounts?.toLocaleString('en')} accounts, ${b.contacts?.toLocaleString('en')} contacts; ` +
          `seeded in ${fmt(b.seedSeconds, 0)} s (${steps})${b.reused ? ', reused from an earlier run' : ''}`,
      );
      const d = b.deals;
      if (d) {
        const dealSteps = d.steps.map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ');
        lines.push(
          `  - deals: ${d.deals.toLocaleString('en')} opportunities, ${d.influences.toLocaleString('en')} influences, one stage-history row each; ` +
            `seeded in ${fmt(d.seconds, 0)} s (${dealSteps}), judged on ${d.judgedOn}${d.reused ? ', reused from an earlier run' : ''}`,
        );
      }
      const a = b.activities;
      if (a) {
        const actSteps = a.steps.map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ');
        lines.push(
          `  - activities: ${a.activities.toLocaleString('en')} activities, ${a.attendees.toLocaleString('en')} attendees, ${a.tasks.toLocaleString('en')} tasks; ` +
            `seeded in ${fmt(a.seconds, 0)} s (${actSteps})${a.reused ? ', reused from an earlier run' : ''}`,
        );
      }
      const q = b.quotas;
      if (q)
        lines.push(
          `  - quotas: ${q.quotas} (reps' 2026 and 2027 years, rep01–rep20's 2027 quarters, the divisions' 2027); seeded in ${fmt(q.seconds, 1)} s${q.reused ? ', reused from an earlier run' : ''}`,
        );
    }
  }
  lines.push('');
  lines.push(
    '| Scenario | User | PGlite p50 ms | PGlite p99 ms | PGlite req/s | PostgreSQL p50 ms | PostgreSQL p99 ms | PostgreSQL req/s | non-2xx (PGlite / PG) | PG target p99 |',
  );
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
  const notes: string[] = [];
  for (const s of input.scenarios) {
    for (const u of input.users) {
      const a = cell('pglite', s.key, u.key);
      const p = cell('postgres', s.key, u.key);
      for (const m of [a, p])
        if (m?.skipped)
          notes.push(`${s.label} / ${u.label} (${m === a ? 'PGlite' : 'PostgreSQL'}): skipped — ${m.skipped}`);
      const target = s.target ?? TARGETS[s.kind];
      const verdict = target === null || !p || Number.isNaN(p.p99) ? '' : `< ${target} ${p.p99 < target ? '✅' : '❌'}`;
      const bad = (m?: Measurement) => (m && !m.skipped ? String(m.non2xx + m.errors) : '—');
      lines.push(
        `| ${s.label} | ${u.label} | ${fmt(a?.p50)} | ${fmt(a?.p99)} | ${fmt(a?.rps, 0)} | ${fmt(p?.p50)} | ${fmt(p?.p99)} | ${fmt(p?.rps, 0)} | ${bad(a)} / ${bad(p)} | ${verdict} |`,
      );
    }
  }
  if (notes.length) lines.push('', ...notes.map((n) => `- ${n}`));
  lines.push('', 'non-2xx counts non-2xx responses plus socket errors and timeouts; all must be 0.', '');
  return lines.join('\n');
}
