/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A piece of HTML that is already escaped. */
export class Html {
  constructor(readonly value: string) {}
}

/** Tagged template (not named `html`, which Prettier would reformat): interpolated strings are escaped, Html values and arrays of them are kept. */
export function markup(strings: TemplateStringsArray, ...values: (string | Html | Html[])[]): Html {
  let out = strings[0];
  values.forEach((value, index) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts.map((part) => (part instanceof Html ? part.value : escapeHtml(part))).join('');
    out += strings[index + 1];
  });
  return new Html(out);
}
