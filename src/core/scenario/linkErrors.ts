// Every way a scenario link can fail to open, as a stable kind (for code and
// tests), its catalogue code, and one sentence for the person who clicked it.
// The only place these sentences live; none of them repeats text from the link
// beyond a version number, a length, or the validator's clipped problems.

import { ERROR_CATALOGUE, type ErrorName } from '../errorCatalogue';
import type { Topology } from './scenario';
import { TOPOLOGY_FACTS } from './topologyFacts';

export type LinkErrorKind =
  | 'not-a-link'
  | 'wrong-version'
  | 'oversized'
  | 'bad-base64'
  | 'bad-compression'
  | 'bad-json'
  | 'schema'
  /** Every setting is valid, but the run's topology cannot honour them all. */
  | 'unfit';

export interface LinkError {
  kind: LinkErrorKind;
  /** The error catalogue's code, shown beside the message. */
  code: string;
  message: string;
}

const CATALOGUE_NAME: Record<LinkErrorKind, ErrorName> = {
  'not-a-link': 'LINK_NOT_A_LINK',
  'wrong-version': 'LINK_WRONG_VERSION',
  oversized: 'LINK_OVERSIZED',
  'bad-base64': 'LINK_BAD_BASE64',
  'bad-compression': 'LINK_BAD_COMPRESSION',
  'bad-json': 'LINK_BAD_JSON',
  schema: 'LINK_SCHEMA',
  unfit: 'LINK_UNFIT',
};

function linkError(kind: LinkErrorKind, message: string): LinkError {
  return { kind, code: ERROR_CATALOGUE[CATALOGUE_NAME[kind]].code, message };
}

export const LINK_ERRORS = {
  notALink: (): LinkError =>
    linkError(
      'not-a-link',
      'This address holds no playground scenario: a scenario link ends in #s/v1/ followed by its settings.',
    ),
  newerVersion: (version: number, newest: number): LinkError =>
    linkError(
      'wrong-version',
      `This link was made by a newer version of the playground (v${version}); this one reads ${reads(newest)}.`,
    ),
  unknownVersion: (version: number, newest: number): LinkError =>
    linkError(
      'wrong-version',
      `This link names scenario format v${version}, which the playground never wrote; this one reads ${reads(newest)}.`,
    ),
  textTooLong: (length: number, max: number): LinkError =>
    linkError(
      'oversized',
      `This link's scenario is ${length} characters long, more than the ${max} a scenario can take; it was not opened.`,
    ),
  unpacksTooLarge: (maxBytes: number): LinkError =>
    linkError(
      'oversized',
      `This link's scenario unpacks to more than ${maxBytes / 1024} kB, far more than any scenario needs; it was not opened.`,
    ),
  badBase64: (): LinkError =>
    linkError(
      'bad-base64',
      "This link's scenario is damaged: it has characters a share link never contains, or was cut short. Copy the whole link again.",
    ),
  badCompression: (): LinkError =>
    linkError(
      'bad-compression',
      "This link's scenario is damaged: its packed settings do not unpack, most likely because the link was cut short. Copy the whole link again.",
    ),
  badJson: (): LinkError =>
    linkError(
      'bad-json',
      "This link's scenario unpacks, but not into readable settings (it is not valid JSON text).",
    ),
  schema: (problems: string[]): LinkError =>
    linkError('schema', `This link's scenario has settings the playground cannot use: ${firstOf(problems)}`),
  unfit: (topology: Topology, problems: string[]): LinkError =>
    linkError(
      'unfit',
      `This link asks ${TOPOLOGY_FACTS[topology].runName} for something it cannot do: ${firstOf(problems)}`,
    ),
};

/** The first problem, and how many more there are: a banner has room for one sentence. */
function firstOf(problems: string[]): string {
  return problems[0] + (problems.length > 1 ? ` (and ${problems.length - 1} more).` : '.');
}

function reads(newest: number): string {
  return newest === 1 ? 'v1' : `v1 to v${newest}`;
}
