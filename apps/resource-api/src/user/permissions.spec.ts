import { ScopeSet } from '@oauth/scopes';
import { formatPermissions } from './permissions';

describe('formatPermissions', () => {
  it('comma-joins the permissions for the audience in token order', () => {
    expect(formatPermissions(ScopeSet.parse('other.write server.admin other.read'), 'other')).toBe('write,read');
  });

  it('is empty when no scope names the audience', () => {
    expect(formatPermissions(ScopeSet.parse('server.user'), 'other')).toBe('');
  });
});
