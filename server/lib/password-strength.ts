// New passwords are checked with zxcvbn-ts (@zxcvbn-ts/core): a strength estimator that counts the
// guesses an attacker needs, knowing common passwords, words, names, keyboard walks, repeats,
// sequences and dates, plus the user's own e-mail, name and company. The length rule alone let
// `password`, `12345678`, eight spaces and `aaaaaaaa` through.
import type { MessageCode } from '../../core/messages.ts';
import { fieldError } from './errors.ts';
import { NAMES_ZH, PASSWORDS_ZH } from './password-words-zh.ts';

/** zxcvbn's score runs 0–4; 3 means at least 10⁸ guesses ("safely unguessable" online). */
export const MIN_PASSWORD_SCORE = 3;

interface Finding {
  score: number;
  warning: string | null;
}
type Estimator = (password: string, userInputs: string[]) => Finding;

// The dictionaries are megabytes and take half a second to rank: loaded on the first password set,
// once per process, never on the way of other requests.
let estimator: Promise<Estimator> | undefined;

function loadEstimator(): Promise<Estimator> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    // No translations: the warnings stay keys, which map to our own zh/en messages below. Levenshtein
    // matching stays off, and the first 64 characters with at most 20 l33t substitutions are judged:
    // otherwise one crafted 200-character password (`1!1!…`) took two seconds of CPU.
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, 'passwords-zh': PASSWORDS_ZH, 'names-zh': NAMES_ZH },
      graphs: common.adjacencyGraphs,
      maxLength: 64,
      l33tMaxSubstitutions: 20,
    });
    return (password, userInputs) => {
      const r = zxcvbn.check(password, userInputs);
      return { score: r.score, warning: r.feedback.warning };
    };
  })();
  return estimator;
}

const REASONS: Record<string, MessageCode> = {
  topTen: 'password_common',
  topHundred: 'password_common',
  common: 'password_common',
  similarToCommon: 'password_common',
  pwned: 'password_common',
  wordByItself: 'password_words',
  namesByThemselves: 'password_words',
  commonNames: 'password_words',
  simpleRepeat: 'password_repeated',
  extendedRepeat: 'password_repeated',
  sequences: 'password_sequence',
  straightRow: 'password_keyboard',
  keyPattern: 'password_keyboard',
  recentYears: 'password_dates',
  dates: 'password_dates',
  userInputs: 'password_personal',
};

/** The e-mail, name and company, whole and in pieces (`wang.jianguo@x.cn` → wang, jianguo…), as words to avoid. */
function personalWords(inputs: (string | null | undefined)[]): string[] {
  const words = new Set(['openkam']);
  for (const input of inputs) {
    if (!input) continue;
    const lower = input.trim().toLowerCase();
    words.add(lower);
    for (const piece of lower.split(/[^\p{L}\p{N}]+/u)) if (piece.length >= 3) words.add(piece);
  }
  return [...words];
}

/** Why a new password is too easy to guess, or null when it is strong enough. */
export async function passwordWeakness(
  password: string,
  personal: (string | null | undefined)[] = [],
): Promise<MessageCode | null> {
  const finding = (await loadEstimator())(password, personalWords(personal));
  if (finding.score >= MIN_PASSWORD_SCORE) return null;
  return (finding.warning && REASONS[finding.warning]) || 'password_weak';
}

/** 400 naming the field, with the reason in zh and en, for a password too easy to guess. */
export async function assertStrongPassword(
  field: string,
  password: string,
  personal: (string | null | undefined)[] = [],
): Promise<void> {
  const weakness = await passwordWeakness(password, personal);
  if (weakness) throw fieldError(field, weakness);
}
