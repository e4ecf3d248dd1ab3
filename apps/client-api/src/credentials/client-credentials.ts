/** What this app authenticates to the token endpoint with. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}
