export { Scope, ScopeSyntaxError } from './lib/scope';
export { ScopeSet } from './lib/scope-set';
