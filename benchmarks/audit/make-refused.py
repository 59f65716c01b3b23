#!/usr/bin/env python3
"""Writes a synthetic CloudTrail log file ({"Records":[...]}, gzip) of N refused CreateSession calls from M addresses:
the memory an outsider controls (anyone can make refused calls, from as many addresses as they have).

The record shape is the incident fixture's refused CreateSession (tests/RolesAnywhere.Credentials.Audit.Tests/Fixtures/
Scenario/README.md): errorCode AccessDeniedException, no responseElements. Addresses cycle through 10.0.0.0/8.
Usage: make-refused.py RECORDS ADDRESSES OUTPUT.json.gz
"""
import datetime
import gzip
import sys

ACCOUNT = "111122223333"
START = datetime.datetime(2026, 11, 20, tzinfo=datetime.timezone.utc)
TEMPLATE = (
    '{{"eventVersion":"1.08","userIdentity":{{"type":"Unknown"}},"eventTime":"{time}","eventSource":"rolesanywhere.amazonaws.com",'
    '"eventName":"CreateSession","awsRegion":"eu-west-1","sourceIPAddress":"{ip}","userAgent":"curl/8.5.0",'
    '"errorCode":"AccessDeniedException","errorMessage":"Untrusted signing certificate.",'
    '"requestParameters":{{"trustAnchorArn":"arn:aws:rolesanywhere:eu-west-1:' + ACCOUNT + ':trust-anchor/4a0e5f21-6b7c-4d8e-9f01-23456789abcd",'
    '"profileArn":"arn:aws:rolesanywhere:eu-west-1:' + ACCOUNT + ':profile/0ace5b12-24b9-427e-a483-c55884852fbf",'
    '"roleArn":"arn:aws:iam::' + ACCOUNT + ':role/app","durationSeconds":3600}},"responseElements":null,'
    '"requestID":"{i:08x}-1111-2222-3333-444455556666","eventID":"{i:08x}-aaaa-bbbb-cccc-ddddeeeeffff","readOnly":false,'
    '"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"' + ACCOUNT + '","eventCategory":"Management"}}'
)


def main():
    records, addresses, output = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    with gzip.open(output, "wt", compresslevel=1) as out:
        out.write('{"Records":[\n')
        second = -1
        for i in range(records):
            if i // 100 != second:
                second = i // 100
                time = (START + datetime.timedelta(seconds=second)).strftime("%Y-%m-%dT%H:%M:%SZ")
            a = i % addresses
            ip = f"10.{a >> 16 & 255}.{a >> 8 & 255}.{a & 255}"
            out.write(("," if i else "") + TEMPLATE.format(time=time, ip=ip, i=i) + "\n")
        out.write("]}\n")


main()
