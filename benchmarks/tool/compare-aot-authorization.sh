#!/usr/bin/env bash
# Runs `inspect` and `policy generate|evaluate|lint` with the Native AOT binary and with the JIT build over the same
# inputs (an openssl-made CA and leaf with SANs and a dropped RDN; allowing, denying, explicit-deny, unsupported,
# get-role and malformed policies; a get-profile mapping) and fails unless outputs and exit codes are identical.
# Usage: compare-aot-authorization.sh AOT_BINARY JIT_DLL   (AOT_BINARY from publish-aot.sh; JIT_DLL: bin/Release/net10.0/rolesanywhere.dll)
set -euo pipefail
aot=$(realpath "$1"); jit=$(realpath "$2")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem -days 30 \
  -subj "/C=GB/O=Example/CN=Example Data CA" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout db1.key -out db1.csr \
  -subj "/O=Example/OU=Data/CN=db-1.example.com/emailAddress=ops@example.com" 2>/dev/null
printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectAltName=DNS:db-1.example.com,DNS:db.example.com,URI:spiffe://example.com/db,IP:10.0.0.5\n' > ext.cnf
openssl x509 -req -in db1.csr -CA ca.pem -CAkey ca.key -set_serial 0x9f0102030405 -days 20 -extfile ext.cnf -out db1.pem 2>/dev/null
anchor=arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/4f1e2d3c-aaaa-bbbb-cccc-111122223333
echo '{"profile":{"attributeMappings":[{"certificateField":"x509Subject","mappingRules":[{"specifier":"CN"},{"specifier":"OU"}]},{"certificateField":"x509Issuer","mappingRules":[{"specifier":"CN"}]}]}}' > mapping.json
allow='{"Sid":"Db","Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],"Condition":{"ArnEquals":{"aws:SourceArn":"'$anchor'"},"StringEquals":{"aws:PrincipalTag/x509Issuer/CN":"Example Data CA","aws:PrincipalTag/x509Subject/OU":"OU_VALUE"},"StringLike":{"aws:PrincipalTag/x509Subject/CN":"db-*.example.com"}EXTRA}}'
policy() { echo "{\"Version\":\"2012-10-17\",\"Statement\":[${1}]}"; }
policy "$(echo "$allow" | sed 's/OU_VALUE/Data/; s/EXTRA//')" > trust.json
policy "$(echo "$allow" | sed 's/OU_VALUE/Web/; s/EXTRA//')" > deny.json
policy "$(echo "$allow" | sed 's/OU_VALUE/Data/; s/EXTRA//'),{\"Effect\":\"Deny\",\"Principal\":{\"Service\":\"rolesanywhere.amazonaws.com\"},\"Action\":\"sts:*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/x509Subject/CN\":\"db-1.example.com\"}}}" > explicit.json
policy "$(echo "$allow" | sed 's/OU_VALUE/Data/; s/EXTRA/,"DateLessThan":{"aws:CurrentTime":"2999-01-01T00:00:00Z"}/')" > unsupported.json
echo '{"Role":{"RoleName":"db","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:AssumeRole"}]}}}' > getrole.json
printf '{\n  "Statement": [\n    {,\n  ]\n}\n' > malformed.json

each() {
  local run=("$@") status
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    echo "### $line"
    # shellcheck disable=SC2086
    set +e; "${run[@]}" $line 2>&1; status=$?; set -e
    echo "exit=$status"
  done <<LINES
inspect --certificate db1.pem
inspect --certificate db1.pem --trust-anchor-certificate ca.pem --attribute-mapping mapping.json --format json
inspect --certificate ca.pem --format json
inspect --certificate missing.pem
inspect --certificate db1.pem --attribute-mapping malformed.json
policy generate --trust-anchor-arn $anchor --certificate db1.pem
policy generate --trust-anchor-arn $anchor --certificate db1.pem --match x509Subject/CN,x509Subject/OU,x509SAN/DNS
policy generate --trust-anchor-arn $anchor --subject-cn db-1.example.com
policy evaluate --policy trust.json --certificate db1.pem --trust-anchor-arn $anchor --attribute-mapping mapping.json
policy evaluate --policy trust.json --certificate db1.pem --trust-anchor-arn $anchor --attribute-mapping mapping.json --format json
policy evaluate --policy deny.json --certificate db1.pem --trust-anchor-arn $anchor
policy evaluate --policy explicit.json --certificate db1.pem --trust-anchor-arn $anchor --format json
policy evaluate --policy unsupported.json --certificate db1.pem --trust-anchor-arn $anchor --format json
policy evaluate --policy getrole.json --certificate db1.pem --trust-anchor-arn $anchor
policy evaluate --policy malformed.json --certificate db1.pem --trust-anchor-arn $anchor
policy lint trust.json deny.json explicit.json unsupported.json getrole.json --attribute-mapping mapping.json
policy lint trust.json getrole.json unsupported.json --format json --fail-on low
policy lint malformed.json
LINES
}
each "$aot" > aot.txt
each dotnet "$jit" > jit.txt
if ! diff -u jit.txt aot.txt; then
  echo "compare-aot-authorization: the Native AOT binary answers differently (diff above)" >&2
  exit 1
fi
echo "identical: $(grep -c '^###' aot.txt) invocations, exit codes $(grep '^exit=' aot.txt | cut -d= -f2 | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
