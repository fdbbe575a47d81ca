// What the share menu tells the user after each action, in one place. An
// outcome is either news (role=status) or a failure (role=alert).

import { errorText } from '../store/connect';

export interface Outcome {
  tone: 'news' | 'failure';
  text: string;
  /** The error catalogue's code of a failure, shown beside its text. */
  code?: string;
  /** Lines listed under the text: one per bad setting of an imported file. */
  problems?: readonly string[];
  /** A share link the clipboard refused, shown selected to copy by hand. */
  link?: string;
}

export const SHARE_MESSAGES = {
  copied: (): Outcome => ({
    tone: 'news',
    text: 'Share link copied: whoever opens it replays this scenario in a fresh run.',
  }),
  copyByHand: (link: string): Outcome => ({
    tone: 'news',
    text: 'The browser did not allow copying: the link is selected below, press Ctrl+C (⌘C) to copy it.',
    link,
  }),
  working: (fileName: string): Outcome => ({ tone: 'news', text: `Reading the run for ${fileName}…` }),
  saved: (fileName: string, detail?: string): Outcome => ({
    tone: 'news',
    text: `Saved ${fileName}${detail ? ` (${detail})` : ''}.`,
  }),
  exportFailed: (fileName: string, error: unknown): Outcome => ({
    tone: 'failure',
    text: `Could not export ${fileName}: ${errorText(error)}`,
  }),
  importRefused: (refused: { code: string; message: string; problems: readonly string[] }): Outcome => ({
    tone: 'failure',
    code: refused.code,
    text: refused.message,
    problems: refused.problems,
  }),
  importUnreadable: (error: unknown): Outcome => ({
    tone: 'failure',
    text: `Could not read the file: ${errorText(error)}`,
  }),
};
