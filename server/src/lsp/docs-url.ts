/** The one place that decides where a rule's documentation lives (diagnostic code links, hovers). */
export const DOCS_BASE_URL = 'https://github.com/palisade-dev/palisade/blob/main/docs/rules.md';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}#${ruleId}`;
}
