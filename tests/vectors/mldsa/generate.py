#!/usr/bin/env python3
"""Makes the ML-DSA known-answer vectors in this folder with implementations independent of the project.

Keys, certificates and signatures come from Python `cryptography` 48 (its wheel bundles an OpenSSL with
ML-DSA); the canonical request comes from botocore's SigV4 canonicalization. `cryptography` cannot put an
ML-DSA key in a certificate through its CertificateBuilder, so the certificates are assembled here in DER
(a few lines of ASN.1) and signed with `cryptography`'s ML-DSA. Run from anywhere:

    python3 tests/vectors/mldsa/generate.py

It also derives the expanded-only PKCS#8 form from the seed-and-expanded files in helper-1.8/ (written by
OpenSSL 3.5 for the official helper's tests) and checks, with `cryptography`, that each file's seed gives the
public key of its certificate. ML-DSA signing in `cryptography` is hedged (randomized), so signatures differ on
every run: tests verify them, and have `cryptography` verify ours (verify.py), rather than compare bytes.
"""
import base64
import datetime
import hashlib
import json
import os
import re

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import mldsa
from cryptography.x509.oid import ExtensionOID, NameOID

HERE = os.path.dirname(os.path.abspath(__file__))
OIDS = {44: "2.16.840.1.101.3.4.3.17", 65: "2.16.840.1.101.3.4.3.18", 87: "2.16.840.1.101.3.4.3.19"}
KEY_TYPES = {44: mldsa.MLDSA44PrivateKey, 65: mldsa.MLDSA65PrivateKey, 87: mldsa.MLDSA87PrivateKey}
PUBLIC_TYPES = {44: mldsa.MLDSA44PublicKey, 65: mldsa.MLDSA65PublicKey, 87: mldsa.MLDSA87PublicKey}
EXPANDED_LENGTHS = {44: 2560, 65: 4032, 87: 4896}
NOT_BEFORE = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
NOT_AFTER = datetime.datetime(2045, 1, 1, tzinfo=datetime.timezone.utc)


def tlv(tag, content):
    n = len(content)
    if n < 0x80:
        length = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(raw)]) + raw
    return bytes([tag]) + length + content


def oid(dotted):
    parts = [int(p) for p in dotted.split(".")]
    body = bytes([40 * parts[0] + parts[1]])
    for part in parts[2:]:
        chunk = [part & 0x7F]
        part >>= 7
        while part:
            chunk.insert(0, 0x80 | (part & 0x7F))
            part >>= 7
        body += bytes(chunk)
    return tlv(0x06, body)


def integer(value):
    raw = value.to_bytes((value.bit_length() + 8) // 8, "big")  # always room for a sign bit
    return tlv(0x02, raw)


def time(value):
    return tlv(0x17, value.strftime("%y%m%d%H%M%SZ").encode())  # UTCTime: both dates are before 2050


def algorithm(bits):
    return tlv(0x30, oid(OIDS[bits]))  # ML-DSA AlgorithmIdentifier: parameters absent (RFC 9881)


def extension(extension_oid, value, critical):
    return tlv(0x30, oid(extension_oid.dotted_string) + (b"\x01\x01\xff" if critical else b"") + tlv(0x04, value.public_bytes()))


def certificate(subject, issuer, public_key, bits, issuer_key, issuer_bits, serial, ca, issuer_public_key):
    raw_public = public_key.public_bytes_raw()
    ski = hashlib.sha1(raw_public).digest()
    aki = hashlib.sha1(issuer_public_key.public_bytes_raw()).digest()
    usage = x509.KeyUsage(
        digital_signature=not ca, content_commitment=False, key_encipherment=False, data_encipherment=False,
        key_agreement=False, key_cert_sign=ca, crl_sign=ca, encipher_only=False, decipher_only=False)
    extensions = (
        extension(ExtensionOID.BASIC_CONSTRAINTS, x509.BasicConstraints(ca=ca, path_length=None), True)
        + extension(ExtensionOID.KEY_USAGE, usage, True)
        + extension(ExtensionOID.SUBJECT_KEY_IDENTIFIER, x509.SubjectKeyIdentifier(ski), False)
        + extension(ExtensionOID.AUTHORITY_KEY_IDENTIFIER, x509.AuthorityKeyIdentifier(aki, None, None), False))
    tbs = tlv(0x30,
              tlv(0xA0, integer(2))
              + integer(serial)
              + algorithm(issuer_bits)
              + issuer.public_bytes()
              + tlv(0x30, time(NOT_BEFORE) + time(NOT_AFTER))
              + subject.public_bytes()
              + tlv(0x30, algorithm(bits) + tlv(0x03, b"\x00" + raw_public))
              + tlv(0xA3, tlv(0x30, extensions)))
    signature = issuer_key.sign(tbs)
    issuer_key.public_key().verify(signature, tbs)
    der = tlv(0x30, tbs + algorithm(issuer_bits) + tlv(0x03, b"\x00" + signature))
    parsed = x509.load_der_x509_certificate(der)  # cryptography reads it back: well-formed DER
    assert parsed.serial_number == serial
    return der


def pem(label, der):
    body = base64.b64encode(der).decode()
    return f"-----BEGIN {label}-----\n" + "\n".join(body[i:i + 64] for i in range(0, len(body), 64)) + f"\n-----END {label}-----\n"


def write(name, text):
    with open(os.path.join(HERE, name), "w", encoding="ascii", newline="\n") as handle:
        handle.write(text)


def name(common_name):
    return x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example Corp"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def seeded_key(bits, label):
    return KEY_TYPES[bits].from_seed_bytes(hashlib.sha256(f"rolesanywhere mldsa vector {label}".encode()).digest())


def request_vector(bits, leaf_der, leaf_key, leaf_file, key_file):
    region = "eu-west-1"
    host = f"rolesanywhere.{region}.amazonaws.com"
    query = ("profileArn=arn%3Aaws%3Arolesanywhere%3Aeu-west-1%3A111122223333%3Aprofile%2F0f1e2d3c-aaaa-bbbb-cccc-000000000001"
             "&roleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fonprem%2Fpq-workload"
             "&trustAnchorArn=arn%3Aaws%3Arolesanywhere%3Aeu-west-1%3A111122223333%3Atrust-anchor%2F0f1e2d3c-aaaa-bbbb-cccc-000000000002")
    body = '{"durationSeconds":3600}'
    amz_date = "20270315T081500Z"
    headers = {
        "Host": host,
        "Content-Type": "application/json",
        "X-Amz-Date": amz_date,
        "X-Amz-X509": base64.b64encode(leaf_der).decode(),
    }
    request = AWSRequest(method="POST", url=f"https://{host}/sessions?{query}", data=body, headers=headers)
    request.context["timestamp"] = amz_date
    auth = SigV4Auth(Credentials("unused", "unused"), "rolesanywhere", region)
    canonical_request = auth.canonical_request(request)
    # botocore writes the HMAC algorithm name; the X.509 variant only changes that first line.
    string_to_sign = "\n".join(["AWS4-X509-MLDSA"] + auth.string_to_sign(request, canonical_request).split("\n")[1:])
    signature = leaf_key.sign(string_to_sign.encode("ascii"))  # pure ML-DSA, empty context
    leaf_key.public_key().verify(signature, string_to_sign.encode("ascii"))
    serial = x509.load_der_x509_certificate(leaf_der).serial_number
    headers["Authorization"] = (
        f"AWS4-X509-MLDSA Credential={serial}/{amz_date[:8]}/{region}/rolesanywhere/aws4_request, "
        f"SignedHeaders={auth.signed_headers(auth.headers_to_sign(request))}, Signature={signature.hex()}")
    return {
        "name": f"mldsa{bits}-request",
        "certificate_file": leaf_file,
        "private_key_file": key_file,
        "intermediate_files": [],
        "region": region,
        "method": "POST",
        "path_and_query": f"/sessions?{query}",
        "body": body,
        "headers": headers,
        "canonical_request": canonical_request,
        "string_to_sign": string_to_sign,
        "deterministic_signature": False,
        "signature_length": len(signature),
    }


def der_of(pem_text):
    return base64.b64decode("".join(line for line in pem_text.splitlines() if line and not line.startswith("-----")))


def helper_forms(bits):
    """Derives the expanded-only form from OpenSSL 3.5's seed-and-expanded file, and checks the seed against the certificate."""
    with open(os.path.join(HERE, "helper-1.8", f"mldsa{bits}-both.pem"), encoding="ascii") as handle:
        both = der_of(handle.read())
    with open(os.path.join(HERE, "helper-1.8", f"mldsa{bits}-cert.pem"), "rb") as handle:
        cert = x509.load_pem_x509_certificate(handle.read())
    seed_marker = both.index(b"\x04\x20")  # SEQUENCE { OCTET STRING seed (32), OCTET STRING expandedKey }
    seed = both[seed_marker + 2:seed_marker + 34]
    length = EXPANDED_LENGTHS[bits]
    expanded_header = b"\x04\x82" + length.to_bytes(2, "big")
    expanded_at = both.index(expanded_header, seed_marker + 34) + len(expanded_header)
    expanded = both[expanded_at:expanded_at + length]
    assert len(expanded) == length
    spki = cert.public_bytes(serialization.Encoding.DER)
    from_seed = KEY_TYPES[bits].from_seed_bytes(seed).public_key().public_bytes_raw()
    assert from_seed in spki, f"the seed of helper-1.8/mldsa{bits}-both.pem does not give its certificate's key"
    expanded_only = tlv(0x30, integer(0) + algorithm(bits) + tlv(0x04, tlv(0x04, expanded)))
    write(f"helper-1.8/mldsa{bits}-expanded.pem", pem("PRIVATE KEY", expanded_only))
    # The seed-only form of the same key, as cryptography writes it ([0] IMPLICIT OCTET STRING).
    seed_only = KEY_TYPES[bits].from_seed_bytes(seed).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    write(f"helper-1.8/mldsa{bits}-seed.pem", seed_only)


def main():
    for bits in (44, 65, 87):
        ca_key = seeded_key(bits, f"ca-{bits}")
        leaf_key = seeded_key(bits, f"leaf-{bits}")
        ca_name = name(f"mldsa{bits}-root")
        ca_der = certificate(ca_name, ca_name, ca_key.public_key(), bits, ca_key, bits, 0x4D4C44530000 + bits, True, ca_key.public_key())
        # A serial with the high bit of its first byte set (DER keeps a leading zero): Credential= must stay positive.
        leaf_serial = 0xC0FFEE00000000000000 + bits
        leaf_der = certificate(name(f"mldsa{bits}-workload"), ca_name, leaf_key.public_key(), bits, ca_key, bits, leaf_serial, False, ca_key.public_key())
        write(f"mldsa{bits}-root.pem", pem("CERTIFICATE", ca_der))
        write(f"mldsa{bits}-root.key", ca_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode())
        write(f"mldsa{bits}-leaf.pem", pem("CERTIFICATE", leaf_der))
        write(f"mldsa{bits}-leaf.key", leaf_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode())
        vector = request_vector(bits, leaf_der, leaf_key, f"mldsa{bits}-leaf.pem", f"mldsa{bits}-leaf.key")
        write(f"mldsa{bits}-request.json", json.dumps(vector, indent=2) + "\n")
        helper_forms(bits)


if __name__ == "__main__":
    main()
