// Every way a scenario link can fail to open, as a stable kind (for code and
// tests) and one sentence for the person who clicked it. The only place these
// sentences live; none of them repeats text from the link beyond a version
// number or a length.

export type LinkErrorKind =
  'not-a-link' | 'wrong-version' | 'oversized' | 'bad-base64' | 'bad-compression' | 'bad-json' | 'schema';

export interface LinkError {
  kind: LinkErrorKind;
  message: string;
}

export const LINK_ERRORS = {
  notALink: (): LinkError => ({
    kind: 'not-a-link',
    message:
      'This address holds no playground scenario: a scenario link ends in #s/v1/ followed by its settings.',
  }),
  newerVersion: (version: number, newest: number): LinkError => ({
    kind: 'wrong-version',
    message: `This link was made by a newer version of the playground (v${version}); this one reads ${reads(newest)}.`,
  }),
  unknownVersion: (version: number, newest: number): LinkError => ({
    kind: 'wrong-version',
    message: `This link names scenario format v${version}, which the playground never wrote; this one reads ${reads(newest)}.`,
  }),
  textTooLong: (length: number, max: number): LinkError => ({
    kind: 'oversized',
    message: `This link's scenario is ${length} characters long, more than the ${max} a scenario can take; it was not opened.`,
  }),
  unpacksTooLarge: (maxBytes: number): LinkError => ({
    kind: 'oversized',
    message: `This link's scenario unpacks to more than ${maxBytes / 1024} kB, far more than any scenario needs; it was not opened.`,
  }),
  badBase64: (): LinkError => ({
    kind: 'bad-base64',
    message:
      "This link's scenario is damaged: it has characters a share link never contains, or was cut short. Copy the whole link again.",
  }),
  badCompression: (): LinkError => ({
    kind: 'bad-compression',
    message:
      "This link's scenario is damaged: its packed settings do not unpack, most likely because the link was cut short. Copy the whole link again.",
  }),
  badJson: (): LinkError => ({
    kind: 'bad-json',
    message: "This link's scenario unpacks, but not into readable settings (it is not valid JSON text).",
  }),
  schema: (problems: string[]): LinkError => ({
    kind: 'schema',
    message:
      `This link's scenario has settings the playground cannot use: ${problems[0]}` +
      (problems.length > 1 ? ` (and ${problems.length - 1} more).` : '.'),
  }),
};

function reads(newest: number): string {
  return newest === 1 ? 'v1' : `v1 to v${newest}`;
}
