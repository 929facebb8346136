// The app's Form: antd's, with the submit rules every form keeps (issue 18).
// 1. Enter in a date picker, select, cascader, tree-select or auto-complete belongs to that
//    control (pick the date, choose the option) and never submits the form around it: a rep who
//    pressed Enter three times in the close-date field of the new-deal drawer created three deals.
//    Enter in a plain text input still submits a single-step form, as people expect.
// 2. One save at a time: a submit while the last one still runs is dropped (Enter pressed again,
//    a double click before the button shows it is loading), and so is any after a save that
//    finished the form (a drawer or dialog still takes keys and clicks while it slides shut).
// Render forms with { Form } from here and save in onFinish (buttons call form.submit());
// Form.Item, Form.List and the hooks are antd's own.
import { useContext, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { ConfigProvider, Form as AntForm, type FormProps as AntFormProps } from 'antd';

/** What onFinish resolves to when its save went through and the form is done with (it closes). */
export const FINISHED = Symbol('form finished');

export type FormProps<V> = Omit<AntFormProps<V>, 'onFinish' | 'children'> & {
  children?: ReactNode;
  /**
   * The save. Return its promise: until it settles further submits are dropped, and once it has
   * resolved to FINISHED all of them, for as long as this form stays mounted.
   */
  onFinish?: (values: V) => unknown;
  /** False: Enter never submits, from any field. A multi-step form saves only from its buttons. */
  submitOnEnter?: boolean;
};

/** Controls whose Enter opens or picks from a popup, by antd class (prefix-aware) or ARIA role. */
function popupControls(prefix: (name: string) => string): string {
  return [
    ...['picker', 'select', 'cascader', 'tree-select'].map((n) => `.${prefix(n)}`),
    '[role="combobox"]',
    '[aria-haspopup]:not([aria-haspopup="false"])',
  ].join(', ');
}

function GuardedForm<V>({ onFinish, onKeyDown, submitOnEnter = true, ...rest }: FormProps<V>) {
  const { getPrefixCls } = useContext(ConfigProvider.ConfigContext);
  const state = useRef<'idle' | 'saving' | 'finished'>('idle');

  const finish = async (values: V) => {
    if (!onFinish || state.current !== 'idle') return;
    state.current = 'saving';
    let outcome: unknown;
    try {
      outcome = await onFinish(values);
    } finally {
      state.current = outcome === FINISHED ? 'finished' : 'idle';
    }
  };

  const keyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    onKeyDown?.(e);
    // The browser submits a form when Enter is pressed in one of its inputs (implicit submission);
    // cancelling the keydown cancels that, after the control itself has handled the key.
    if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement)) return;
    if (!submitOnEnter || e.target.closest(popupControls((n) => getPrefixCls(n)))) e.preventDefault();
  };

  return <AntForm<V> {...rest} onFinish={onFinish ? (v: V) => void finish(v) : undefined} onKeyDown={keyDown} />;
}

export const Form = Object.assign(GuardedForm, {
  Item: AntForm.Item,
  List: AntForm.List,
  ErrorList: AntForm.ErrorList,
  Provider: AntForm.Provider,
  useForm: AntForm.useForm,
  useWatch: AntForm.useWatch,
  useFormInstance: AntForm.useFormInstance,
});
