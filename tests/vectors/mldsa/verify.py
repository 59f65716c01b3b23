#!/usr/bin/env python3
"""Verifies ML-DSA signatures with Python `cryptography` (independent of the project), for the tests.

    python3 verify.py CERTIFICATE.pem < lines

Each line on stdin is `<hex message>:<hex signature>` (the message may be empty); each answer line on stdout is `ok` or `bad`
(pure ML-DSA, empty context, with the certificate's public key). Exit status 0 when every line verified.
"""
import sys

from cryptography import x509
from cryptography.exceptions import InvalidSignature


def main():
    with open(sys.argv[1], "rb") as handle:
        public_key = x509.load_pem_x509_certificate(handle.read()).public_key()
    all_ok = True
    for line in sys.stdin:
        if not line.strip():
            continue
        message, signature = (bytes.fromhex(part) for part in line.strip().split(":"))
        try:
            public_key.verify(signature, message)
            print("ok")
        except InvalidSignature:
            print("bad")
            all_ok = False
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
