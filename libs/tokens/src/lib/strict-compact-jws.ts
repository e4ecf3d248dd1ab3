/** RFC 7515 §7.1: three base64url segments without padding. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Whether a token is a compact JWS whose header and payload are JSON objects without duplicate
 * member names. RFC 7515 §5.2 and RFC 7519 §4 let a parser either reject duplicates or keep the
 * last one; a verifier that keeps the last one can be made to read a claim another component
 * read differently, so we reject them. Also refuses padding and other non-canonical encodings.
 */
export function isStrictCompactJws(token: string): boolean {
  if (!COMPACT_JWS.test(token)) return false;
  const [header, payload] = token.split('.');
  return isObjectWithUniqueMembers(decode(header)) && isObjectWithUniqueMembers(decode(payload));
}

function decode(segment: string): string {
  return Buffer.from(segment, 'base64url').toString('utf8');
}

function isObjectWithUniqueMembers(json: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const names = topLevelMemberNames(json);
  return new Set(names).size === names.length;
}

/**
 * The member names of a JSON object's top level, decoded, in order. Only called on text
 * JSON.parse accepted, so the walk can rely on well-formed strings and brackets.
 */
function topLevelMemberNames(json: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let expectName = false;
  for (let i = 0; i < json.length; i++) {
    const char = json[i];
    if (char === '"') {
      let end = i + 1;
      while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      if (depth === 1 && expectName) {
        names.push(JSON.parse(json.slice(i, end + 1)) as string);
        expectName = false;
      }
      i = end;
    } else if (char === '{' || char === '[') {
      depth += 1;
      if (depth === 1) expectName = true;
    } else if (char === '}' || char === ']') {
      depth -= 1;
    } else if (char === ',' && depth === 1) {
      expectName = true;
    }
  }
  return names;
}
