import type { Widen } from '../types.ts';
import type { feedback as zh } from '../zh-CN/feedback.ts';

export const feedback: Widen<typeof zh> = {
  feedback: {
    loading: 'Loading…',
    hint: {
      forbidden: 'Ask an admin if you need this permission.',
      notFound: 'It may have been deleted or be outside your data scope; reload the list.',
      network: 'Your change was not saved: check the connection and try again.',
      server: 'Your change was not saved: try again in a moment, and ask an admin if it keeps failing.',
      notSaved: 'Your change was not saved.',
    },
  },
};
