import type { Widen } from '../types.ts';
import type { auth as zh } from '../zh-CN/auth.ts';

export const auth: Widen<typeof zh> = {
  auth: {
    loginTitle: 'Sign in',
    login: 'Sign in',
    logout: 'Sign out',
    email: 'E-mail',
    password: 'Password',
    changePassword: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    passwordMismatch: 'The passwords do not match',
    passwordChanged: 'Password changed',
    failedLoginsTitle: '{{count}} sign-in attempts with a wrong password since your last sign-in',
    failedLoginsBody:
      'The last at {{at}}, from {{address}}. If that was not you, change your password and tell your administrator.',
  },
};
