import { useCallback, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../core/schemas/org.ts';
import type { MoneyStyle } from '../../core/money-format.ts';
import { mergeUserPreferences, type UserPreferences, type UserPreferencesPatch } from '../../core/user-preferences.ts';
import { api } from '../lib/api.ts';
import { formatMoney } from '../lib/money.ts';
import { ME_KEY, MeContext } from '../lib/session.ts';

/** The signed-in user's money style (compact before sign-in: the login page shows no amounts anyway). */
export function useMoneyStyle(): MoneyStyle {
  return useContext(MeContext)?.preferences.money ?? 'compact';
}

/**
 * Every amount on screen goes through this: the user's style (¥1.43亿 or ¥142,810,000.00) in the
 * current language. `style` overrides it where only one fits (a chart axis is always compact).
 */
export function useMoney(style?: MoneyStyle): (value: string | number | null | undefined) => string {
  const { i18n } = useTranslation();
  const preferred = useMoneyStyle();
  const use = style ?? preferred;
  const language = i18n.language;
  return useCallback(
    // Charts hand numbers over; they were decimal strings before the chart needed floats.
    (value) => formatMoney(typeof value === 'number' ? value.toFixed(2) : value, language, use),
    [language, use],
  );
}

/** Saves a change to the signed-in user's preferences and shows it at once (the answer confirms it). */
export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: UserPreferencesPatch) => api.patch<UserPreferences>('/api/auth/me/preferences', patch),
    onMutate: (patch) => {
      const before = qc.getQueryData<Me | null>(ME_KEY);
      if (before)
        qc.setQueryData<Me>(ME_KEY, {
          ...before,
          preferences: mergeUserPreferences(before.preferences, patch),
        });
      return { before };
    },
    onSuccess: (preferences) => {
      const me = qc.getQueryData<Me | null>(ME_KEY);
      if (me) qc.setQueryData<Me>(ME_KEY, { ...me, preferences });
    },
    onError: (_e, _patch, ctx) => {
      if (ctx?.before) qc.setQueryData(ME_KEY, ctx.before);
    },
  });
}
