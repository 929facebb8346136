import { App, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, localMessage } from '../lib/api.ts';
import { applyFieldErrors } from '../lib/form-errors.ts';

interface Options {
  form?: FormInstance;
  /** Offered when the record changed under us (409 stale_version). */
  onReload?: () => void;
}

/** Server messages that already say what to do; a second hint would only repeat them. */
const SELF_EXPLAINED = new Set(['database_unavailable', 'rate_limited']);

/**
 * What the user can do about a failure the message alone does not explain: no permission, a record
 * gone, a lost connection or a server fault. Business refusals (409 with their own code, 400 with
 * fields) already name the problem and get no hint.
 */
export function actionHint(err: unknown, t: TFunction): string | null {
  if (!(err instanceof ApiError)) return null;
  if (err.status === 403) return t('feedback.hint.forbidden');
  if (err.status === 404) return t('feedback.hint.notFound');
  if (err.status === 0) return t('feedback.hint.network');
  if (err.status >= 500) return SELF_EXPLAINED.has(err.code) ? t('feedback.hint.notSaved') : t('feedback.hint.server');
  return null;
}

/** One place for how API failures surface: inline field errors, a reload offer on conflicts, else a toast. */
export function useApiFeedback() {
  const { message, modal } = App.useApp();
  const { t } = useTranslation();

  return (err: unknown, opts: Options = {}) => {
    const text = err instanceof Error ? err.message : String(err);
    if (err instanceof ApiError && err.code === 'stale_version') {
      modal.confirm({
        title: t('common.staleTitle'),
        content: text,
        okText: t('common.reload'),
        cancelText: t('common.cancel'),
        onOk: () => opts.onReload?.(),
      });
      return;
    }
    // Inline errors where a field is on screen; the toast still lists them all, since some (e.g. members.0.userId) may not be.
    if (opts.form) applyFieldErrors(opts.form, err);
    const details = err instanceof ApiError ? err.fields.map((f) => `${f.path}: ${localMessage(f)}`).join('; ') : '';
    const hint = actionHint(err, t);
    const said = details ? `${text} (${details})` : text;
    message.error(hint ? `${said} ${hint}` : said);
  };
}
