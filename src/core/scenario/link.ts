// Share links: `#s/v<version>/<payload>`, the payload carrying only the
// settings that differ from DEFAULT_SCENARIO. Takes the hash as a parameter
// (never reads location) so it runs in tests and in the Node chaos runner.

import { LINK_ERRORS, type LinkError } from './linkErrors';
import { packText, unpackText } from './packing';
import { DEFAULT_SCENARIO, SCENARIO_VERSION, type Scenario } from './scenario';
import { parseScenario, ScenarioError } from './validate';

export type { LinkError, LinkErrorKind } from './linkErrors';

export type DecodeResult = { ok: true; scenario: Scenario } | { ok: false; error: LinkError };

/** Longest payload text read at all; a full scenario of 50 faults packs to well under 2 kB. */
export const MAX_PAYLOAD_CHARS = 8 * 1024;
/** Largest JSON a payload may unpack to, so a crafted link cannot fill memory. */
export const MAX_UNPACKED_BYTES = 64 * 1024;

/**
 * One decoder per link version ever written, each turning that version's
 * JSON into today's Scenario. When v2 appears, v1's decoder stays and learns
 * to map old settings onto new ones, so old links keep opening. Decoders
 * throw ScenarioError for settings they cannot use.
 */
export const DECODERS: Record<number, (json: unknown) => Scenario> = {
  1: (json) => parseScenario(isRecord(json) ? { ...DEFAULT_SCENARIO, ...json } : json),
};

export function encodeScenario(s: Scenario): string {
  return `#s/v${SCENARIO_VERSION}/${packText(JSON.stringify(differences(s)))}`;
}

/** `base` is any URL of the playground; a hash it already has is replaced. */
export function scenarioLink(base: string, s: Scenario): string {
  return base.split('#')[0] + encodeScenario(s);
}

/** Accepts `location.hash` or a whole pasted link. Whatever the link holds, it answers rather than throws. */
export function decodeScenario(hash: string): DecodeResult {
  const fragment = hash.slice(hash.indexOf('#') + 1);
  // No leading zeros and at most six digits: a version is a small number written one way.
  const match = /^s\/v(0|[1-9]\d{0,5})\/(.*)$/s.exec(fragment);
  if (!match) return fail(LINK_ERRORS.notALink());
  const version = Number(match[1]);
  const payload = match[2];

  const decode = Object.prototype.hasOwnProperty.call(DECODERS, version) ? DECODERS[version] : undefined;
  if (!decode) {
    return fail(
      version > SCENARIO_VERSION
        ? LINK_ERRORS.newerVersion(version, SCENARIO_VERSION)
        : LINK_ERRORS.unknownVersion(version, SCENARIO_VERSION),
    );
  }
  if (payload.length > MAX_PAYLOAD_CHARS)
    return fail(LINK_ERRORS.textTooLong(payload.length, MAX_PAYLOAD_CHARS));

  const unpacked = unpackText(payload, MAX_UNPACKED_BYTES);
  if (!unpacked.ok) {
    switch (unpacked.failure) {
      case 'bad-base64':
        return fail(LINK_ERRORS.badBase64());
      case 'bad-compression':
        return fail(LINK_ERRORS.badCompression());
      case 'oversized':
        return fail(LINK_ERRORS.unpacksTooLarge(MAX_UNPACKED_BYTES));
      case 'bad-text':
        return fail(LINK_ERRORS.badJson());
    }
  }

  let json: unknown;
  try {
    json = JSON.parse(unpacked.text);
  } catch {
    // JSON.parse's own message quotes the input: ours must not.
    return fail(LINK_ERRORS.badJson());
  }
  try {
    return { ok: true, scenario: decode(json) };
  } catch (error) {
    if (error instanceof ScenarioError)
      return fail(
        error.unfit ? LINK_ERRORS.unfit(error.unfit, error.problems) : LINK_ERRORS.schema(error.problems),
      );
    throw error;
  }
}

/** The fields of `s` that differ from the default, in the default's key order so equal scenarios give equal links. */
function differences(s: Scenario): Partial<Scenario> {
  const diff: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SCENARIO) as (keyof Scenario)[]) {
    if (key === 'version') continue; // the link's path carries it
    if (JSON.stringify(s[key]) !== JSON.stringify(DEFAULT_SCENARIO[key])) diff[key] = s[key];
  }
  return diff as Partial<Scenario>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(error: LinkError): DecodeResult {
  return { ok: false, error };
}
