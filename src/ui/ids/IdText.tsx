// A checker's or a log's sentence with its ids in the canvas's short form
// (`o-af29`), each keeping its full id as a tooltip and for copying: one id
// style wherever the run is talked about.

import { idParts } from '../format';

export function IdText({ text }: { text: string }) {
  return (
    <>
      {idParts(text).map((part, i) =>
        'id' in part ? (
          <abbr key={i} className="id-short" title={part.id} data-id={part.id}>
            {part.short}
          </abbr>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
