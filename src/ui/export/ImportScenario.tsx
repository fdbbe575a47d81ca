// "Import scenario…": reads a scenario file, validates it as a share link's
// scenario is validated, and opens it as a fresh run. A refused file is
// explained; its text is never rendered other than as text.

import { useRef, type ChangeEvent } from 'react';
import { IMPORT_ERRORS } from '../../core/export/importErrors';
import { MAX_SCENARIO_FILE_BYTES, readScenarioFile } from '../../core/export/scenarioFile';
import { scenarioLink } from '../../core/scenario/link';
import { openLink, shareBase } from './shareBase';
import { SHARE_MESSAGES, type Outcome } from './shareMessages';

export function ImportScenario({ report }: { report(outcome: Outcome): void }) {
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared so that picking the same file again, after fixing it, fires again.
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_SCENARIO_FILE_BYTES) {
      return report(SHARE_MESSAGES.importRefused(IMPORT_ERRORS.tooLarge(file.size, MAX_SCENARIO_FILE_BYTES)));
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return report(SHARE_MESSAGES.importUnreadable(error));
    }
    const read = readScenarioFile(text);
    if (!read.ok) return report(SHARE_MESSAGES.importRefused(read.error));
    openLink(scenarioLink(shareBase(window.location.href), read.scenario), window.location);
  };
  return (
    <>
      <button type="button" className="share-item" data-share-item onClick={() => input.current?.click()}>
        Import scenario…
        <span className="share-hint">a .json scenario file, opened as a fresh run</span>
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="share-file"
        tabIndex={-1}
        aria-label="Scenario file to import"
        onChange={(e) => void onFile(e)}
      />
    </>
  );
}
