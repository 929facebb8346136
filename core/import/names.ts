// Keys that decide when two records are the same customer or person (查重, import matching): the
// name an account manager types differs from the one on the business licence in width, spacing,
// brackets and the legal-form suffix, and a phone number in its country prefix and separators.

/** Legal forms at the end of a company name, longest first so 股份有限公司 is not cut as 有限公司. */
const LEGAL_SUFFIXES = [
  '集团股份有限公司',
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '股份公司',
  '总公司',
  '公司',
  'corporation',
  'company',
  'limited',
  'corp',
  'inc',
  'ltd',
  'llc',
  'gmbh',
  'co',
];

// After NFKC, full-width brackets and punctuation are ASCII; everything that is not a letter or digit
// (CJK ideographs are letters) carries no identity.
const NOT_NAME = /[^\p{L}\p{N}]/gu;

/**
 * The matching key of a company name: NFKC (full/half width), lower case, no spaces or punctuation, and
 * the legal-form suffix removed (repeatedly: "Acme Co., Ltd." → "acme"). "集团" and a bracketed place
 * such as （深圳） stay: they name a different legal entity. Empty when nothing is left.
 */
export function companyNameKey(name: string): string {
  let key = name.normalize('NFKC').toLowerCase().replace(NOT_NAME, '');
  for (let cut = true; cut; ) {
    cut = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (key.length > suffix.length && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length);
        cut = true;
        break;
      }
    }
  }
  return key;
}

/** A person's name as matched: NFKC, no spaces or middle dots (阿卜杜拉·买买提 = 阿卜杜拉买买提). */
export function personNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(NOT_NAME, '');
}

/**
 * The matching key of a phone number: its digits, a mainland mobile without +86 / 0086 / 86.
 * Null when fewer than 7 digits remain (an extension, a typo).
 */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').normalize('NFKC').replace(/\D/g, '');
  const mobile = digits.match(/^(?:0086|86)?(1[3-9]\d{9})$/);
  const key = mobile ? mobile[1] : digits;
  return key.length >= 7 ? key : null;
}

/** An e-mail address as matched: trimmed, NFKC, lower case; null when it has no @. */
export function emailKey(email: string | null | undefined): string | null {
  const key = (email ?? '').normalize('NFKC').trim().toLowerCase();
  return key.includes('@') ? key : null;
}
