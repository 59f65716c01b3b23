// Deterministic ML-DSA known answers from a second independent implementation, @noble/post-quantum (pure
// JavaScript, FIPS 204 with rnd = 0^32: what the official helper's CIRCL does with randomized = false).
//   cd "$(mktemp -d)" && npm install @noble/post-quantum@0.7.1 && node /path/to/tests/vectors/mldsa/deterministic.mjs
// For each parameter set it reads the seed of mldsaNN-leaf.key (seed-only PKCS#8 from Python cryptography),
// checks that noble derives the public key of mldsaNN-leaf.pem from it, and writes mldsaNN-deterministic.json: the
// deterministic signatures (pure, empty context) of the request vector's string to sign and of the empty message.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(join(process.cwd(), 'package.json'));
const { ml_dsa44, ml_dsa65, ml_dsa87 } = require('@noble/post-quantum/ml-dsa.js');
const here = dirname(fileURLToPath(import.meta.url));
const schemes = { 44: ml_dsa44, 65: ml_dsa65, 87: ml_dsa87 };
const der = (file) => Buffer.from(readFileSync(join(here, file), 'ascii').replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');

for (const bits of [44, 65, 87]) {
  const scheme = schemes[bits];
  const pkcs8 = der(`mldsa${bits}-leaf.key`);
  const seed = pkcs8.subarray(pkcs8.length - 32); // ... [0] IMPLICIT OCTET STRING (32 bytes) ends the seed-only form
  if (pkcs8[pkcs8.length - 34] !== 0x80 || pkcs8[pkcs8.length - 33] !== 0x20) throw new Error(`mldsa${bits}-leaf.key is not seed-only`);
  const { publicKey, secretKey } = scheme.keygen(seed);
  if (!der(`mldsa${bits}-leaf.pem`).includes(Buffer.from(publicKey))) throw new Error(`noble's public key is not mldsa${bits}-leaf.pem's`);
  const request = JSON.parse(readFileSync(join(here, `mldsa${bits}-request.json`), 'utf8'));
  const messages = [request.string_to_sign, ''];
  const signatures = messages.map((m) => {
    const message = new TextEncoder().encode(m);
    const signature = scheme.sign(message, secretKey, { extraEntropy: false });
    if (!scheme.verify(signature, message, publicKey)) throw new Error('noble does not verify its own signature');
    return { message: m, signature: Buffer.from(signature).toString('hex') };
  });
  writeFileSync(join(here, `mldsa${bits}-deterministic.json`), JSON.stringify({ implementation: '@noble/post-quantum 0.7.1', deterministic: true, signatures }, null, 2) + '\n');
}
