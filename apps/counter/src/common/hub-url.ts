/** The query parameter that tells a renderer loaded by Electron where the hub is. */
export const HUB_URL_PARAM = 'hub';

/** The hub's base URL from what someone typed: http(s) only, no path; undefined when it is not one. */
export function normalizeHubUrl(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.origin;
}
