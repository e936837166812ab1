import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export interface SigningKey {
  privateKey: CryptoKey;
  /** Public JWK with `kid`, `use: sig`, `alg: RS256`. */
  publicJwk: JWK;
}

/**
 * An RS256 key pair for a simulated issuer, loaded from `keyFile` or created (and saved there
 * with mode 0600, so tokens stay valid across a demo restart); in memory when no file is given.
 */
export async function loadOrCreateSigningKey(keyFile?: string): Promise<SigningKey> {
  const stored = keyFile ? await readFile(keyFile, 'utf8').catch(() => null) : null;
  if (stored) {
    const { privateJwk, publicJwk } = JSON.parse(stored) as { privateJwk: JWK; publicJwk: JWK };
    return { privateKey: (await importJWK(privateJwk, 'RS256')) as CryptoKey, publicJwk };
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  if (keyFile) {
    await mkdir(path.dirname(keyFile), { recursive: true });
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
    await writeFile(keyFile, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
  }
  return { privateKey, publicJwk };
}
