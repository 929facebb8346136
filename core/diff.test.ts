import { describe, expect, it } from 'vitest';
import { diffFields, initialFields } from './diff.ts';

describe('diffFields', () => {
  it('lists changed fields with old and new values', () => {
    expect(diffFields({ name: 'A', tier: null, city: '北京' }, { name: 'B', tier: 'A', city: '北京' })).toEqual([
      { field: 'name', old: 'A', new: 'B' },
      { field: 'tier', old: null, new: 'A' },
    ]);
  });

  it('ignores fields absent from the patch and undefined values', () => {
    expect(diffFields({ name: 'A', city: 'X' }, { city: undefined })).toEqual([]);
  });

  it('treats null and undefined as the same empty value', () => {
    expect(diffFields({ tier: undefined }, { tier: null })).toEqual([]);
    expect(diffFields({}, { tier: null })).toEqual([]);
    expect(diffFields({ tier: 'A' }, { tier: null })).toEqual([{ field: 'tier', old: 'A', new: null }]);
    expect(diffFields({}, { tier: 'B' })).toEqual([{ field: 'tier', old: null, new: 'B' }]);
  });

  it('compares arrays by value and order', () => {
    expect(diffFields({ tags: ['a', 'b'] }, { tags: ['a', 'b'] })).toEqual([]);
    expect(diffFields({ tags: ['a', 'b'] }, { tags: ['b', 'a'] })).toEqual([
      { field: 'tags', old: ['a', 'b'], new: ['b', 'a'] },
    ]);
    expect(diffFields({ tags: ['a'] }, { tags: ['a', 'b'] })).toHaveLength(1);
    expect(diffFields({ tags: null }, { tags: [] })).toHaveLength(1);
  });

  it('ignores version by default and any given fields', () => {
    expect(diffFields({ version: 1, name: 'A' }, { version: 2, name: 'A' })).toEqual([]);
    expect(diffFields({ a: 1, b: 1 }, { a: 2, b: 2 }, ['a'])).toEqual([{ field: 'b', old: 1, new: 2 }]);
    // A custom ignore list replaces the default.
    expect(diffFields({ version: 1 }, { version: 2 }, [])).toEqual([{ field: 'version', old: 1, new: 2 }]);
  });

  it('compares numbers and strings strictly (money travels as strings)', () => {
    expect(diffFields({ n: 1 }, { n: '1' })).toHaveLength(1);
    expect(diffFields({ m: '0.10' }, { m: '0.10' })).toEqual([]);
  });

  it('takes a decimal padded to its scale as the same amount (stored "500.00", sent "500")', () => {
    expect(diffFields({ m: '500.00', z: '0.00', f: '1.50' }, { m: '500', z: '0', f: '1.5' })).toEqual([]);
    expect(diffFields({ m: '500.00' }, { m: '500.01' })).toHaveLength(1);
    expect(diffFields({ m: '500.00' }, { m: '50' })).toHaveLength(1);
    // Leading zeros are not padding: codes and numbers kept as text stay as typed.
    expect(diffFields({ code: '0100' }, { code: '100' })).toHaveLength(1);
  });
});

describe('initialFields', () => {
  it('lists the non-empty fields as changes from null', () => {
    expect(initialFields({ name: 'A', tier: null, tags: [], city: undefined, n: 0, flag: false, empty: '' })).toEqual([
      { field: 'name', old: null, new: 'A' },
      { field: 'n', old: null, new: 0 },
      { field: 'flag', old: null, new: false },
      { field: 'empty', old: null, new: '' },
    ]);
  });

  it('ignores version by default and given fields', () => {
    expect(initialFields({ version: 1, name: 'A' })).toEqual([{ field: 'name', old: null, new: 'A' }]);
    expect(initialFields({ name: 'A', secret: 'x' }, ['secret'])).toEqual([{ field: 'name', old: null, new: 'A' }]);
    expect(initialFields({ tags: ['x'] })).toEqual([{ field: 'tags', old: null, new: ['x'] }]);
  });
});
