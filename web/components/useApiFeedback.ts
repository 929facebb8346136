import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, localMessage } from '../lib/api.ts';
import { applyFieldErrors } from '../lib/form-errors.ts';

interface Options {
  form?: FormInstance;
  /** Offered when the record changed under us (409 stale_version). */
  onReload?: () => void;
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
    message.error(details ? `${text} (${details})` : text);
  };
}
