// node-oidc-provider (npm `oidc-provider`), configured like our auth server for the benchmark: the
// client_credentials grant, client_secret_basic, JWT access tokens (RFC 9068) signed with BENCH_ALG.
// Runs as its own process; the benchmark starts it with PORT, BENCH_ALG, BENCH_CLIENT_ID, BENCH_CLIENT_SECRET.
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const alg = process.env.BENCH_ALG ?? 'RS256';
const issuer = `http://127.0.0.1:${port}`;
// Resource indicators must be absolute URIs (RFC 8707 §2); the token's aud is this value.
const audience = 'urn:bench:other';

const { privateKey } = await generateKeyPair(alg, { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), alg, use: 'sig', kid: `bench-${alg}` };

const provider = new Provider(issuer, {
  jwks: { keys: [jwk] },
  clients: [
    {
      client_id: process.env.BENCH_CLIENT_ID,
      client_secret: process.env.BENCH_CLIENT_SECRET,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: alg,
      scope: 'other.read other.write',
    },
  ],
  scopes: ['other.read', 'other.write'],
  clientBasedCORS: () => false,
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'other.read other.write',
        audience,
        accessTokenTTL: 900,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg } },
      }),
    },
  },
});
provider.on('server_error', (_ctx, error) => process.stderr.write(`server_error: ${error.message}\n`));

// The same liveness path as our services, so the benchmark waits for both the same way.
const callback = provider.callback();
createServer((request, response) => {
  if (request.url === '/health/live') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  callback(request, response);
}).listen(port, '127.0.0.1', () => process.stdout.write(`oidc-provider (${alg}) listening on ${issuer}\n`));
