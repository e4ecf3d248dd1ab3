/** What each scope lets a client do, in words a person understands on the consent page. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'other.read': 'Read your items in the Other API',
  'other.write': 'Create, change and delete your items in the Other API',
  'other.user': 'See who you are in the Other API',
  'other.admin': 'Administer the Other API on your behalf',
  'server.user': 'See your account at this sign-in service',
};

export function describeScope(scope: string): string {
  const known = DESCRIPTIONS[scope];
  if (known) return known;
  const dot = scope.indexOf('.');
  return `Permission "${scope.slice(dot + 1)}" on "${scope.slice(0, dot)}"`;
}
