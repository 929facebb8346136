import type { Widen } from '../types.ts';
import type { pool as zh } from '../zh-CN/pool.ts';

export const pool: Widen<typeof zh> = {
  pool: {
    nav: 'Shared pool', prospectsNav: 'Prospect review',
    title: 'Shared pool', hint: 'Accounts nobody owns: any rep may claim one, and it becomes theirs. Each person may hold a limited number of claimed accounts.',
    searchPlaceholder: 'Search account names', myClaims: 'My claims {{count}} / {{limit}}', claim: 'Claim',
    claimConfirm: 'Claim "{{name}}"?', claimAfter: 'You will then hold {{count}} / {{limit}} accounts from the pool; the account, its contacts and deals become yours.',
    claimed: 'Claimed "{{name}}"', openAccount: 'Open account', limitReached: 'Claim limit reached', empty: 'The shared pool is empty',
    score: 'Score', scoreN: 'Score {{score}}', pooledAt: 'In pool since',
    prospectsTitle: 'Prospect review',
    prospectsHint: '"Delete 35% of your prospect list: the prospects with no value, or even a negative effect." Accounts with neither a won deal nor revenue of ours ("our revenue" in the archive) are ranked by score; the bottom share is flagged to drop: keep it, drop it to the shared pool, or archive it.',
    allOwners: 'All account managers', total: 'Prospects', candidates: 'To drop (bottom {{share}}%)', cut: '{{share}}% of {{total}} = {{cut}} → {{count}} (rounded up)', unscoredCount: 'Unscored',
    dropCandidate: 'Drop candidate', unscored: 'Unscored', lastReview: 'Last review', review: 'Review', noProspects: 'No prospects',
    decision: { keep: 'Keep', pool: 'To pool', archive: 'Archive' },
    confirm: {
      keep: 'Keep "{{name}}" and go on working it?',
      pool: 'Drop "{{name}}" to the shared pool? Its account manager and account team are cleared, and other reps can claim it.',
      archive: 'Archive "{{name}}"?',
    },
    decided: { keep: 'Kept "{{name}}"', pool: '"{{name}}" is in the shared pool', archive: '"{{name}}" archived' },
    settingsTitle: 'Review and pool settings', dropShare: 'Share to drop', dropShareHint: 'The course says 35%: this bottom share of the ranked prospects is flagged (rounded up).',
    dropShareRange: 'Enter a share between 0 and 100', claimLimit: 'Claim limit per person', claimLimitHint: 'How many accounts claimed from the pool each rep may hold.',
    claimLimitRange: 'Enter a whole number of at least 1', settingsNote: 'Applies to the whole organisation.',
  },
};
