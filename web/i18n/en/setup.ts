import type { Widen } from '../types.ts';
import type { setup as zh } from '../zh-CN/setup.ts';

export const setup: Widen<typeof zh> = {
  setup: {
    title: 'Set up OpenKAM',
    intro: 'First run: create your organisation and its administrator. This page appears only once.',
    orgName: 'Organisation name',
    adminName: 'Administrator name',
    submit: 'Create and sign in',
  },
};
