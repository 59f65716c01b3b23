#!/usr/bin/env python3
"""Writes a synthetic CloudTrail log file ({"Records":[...]}, gzip) of N records for measuring `rolesanywhere audit`.

The record shapes are those of benchmarks/RolesAnywhere.Credentials.Benchmarks/Audit/SyntheticTrail.cs (and of the
test fixtures): one in ten a CreateSession, one in ten the service's STS AssumeRole, two in ten EC2 calls by an IAM
user, six in ten S3 calls made with the Roles Anywhere role sessions (500 certificates, 200 addresses).
Usage: make-trail.py RECORDS OUTPUT.json.gz
"""
import datetime
import gzip
import json
import sys

ACCOUNT = "111122223333"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/app"
START = datetime.datetime(2026, 11, 20, tzinfo=datetime.timezone.utc)


def record(i):
    time = (START + datetime.timedelta(seconds=i * 0.25)).strftime("%Y-%m-%dT%H:%M:%SZ")
    serial = format(0x1A2B00 + i % 500, "x")
    ip = f"203.0.113.{i % 200}"
    common = {
        "eventVersion": "1.08", "eventTime": time, "awsRegion": "eu-west-1",
        "userAgent": "aws-sdk-dotnet/4.0.0 ua/2.1 os/linux lang/dotnet#10.0 md/aws-sdk-dotnet-core#4.0",
        "requestID": f"{i:08x}-1111-2222-3333-444455556666", "eventID": f"{i:08x}-aaaa-bbbb-cccc-ddddeeeeffff",
        "eventType": "AwsApiCall", "managementEvent": False, "recipientAccountId": ACCOUNT, "eventCategory": "Data",
        "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256", "clientProvidedHostHeader": "s3.eu-west-1.amazonaws.com"},
    }
    kind = i % 10
    if kind == 0:
        common.update({
            "userIdentity": {"type": "Unknown"}, "eventSource": "rolesanywhere.amazonaws.com", "eventName": "CreateSession", "sourceIPAddress": ip,
            "requestParameters": {"trustAnchorArn": f"arn:aws:rolesanywhere:eu-west-1:{ACCOUNT}:trust-anchor/4a0e5f21-6b7c-4d8e-9f01-23456789abcd",
                                  "profileArn": f"arn:aws:rolesanywhere:eu-west-1:{ACCOUNT}:profile/0ace5b12-24b9-427e-a483-c55884852fbf",
                                  "roleArn": ROLE, "durationSeconds": 3600},
            "responseElements": {"credentialSet": [{"assumedRoleUser": {"arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/app/{serial}", "assumedRoleId": f"AROAEXAMPLE:{serial}"},
                                                    "sourceIdentity": f"CN=host-{i % 500}", "roleArn": ROLE}]}})
    elif kind == 1:
        common.update({
            "userIdentity": {"type": "AWSService", "invokedBy": "rolesanywhere.amazonaws.com"}, "eventSource": "sts.amazonaws.com", "eventName": "AssumeRole",
            "sourceIPAddress": "rolesanywhere.amazonaws.com",
            "requestParameters": {"roleArn": ROLE, "roleSessionName": serial, "sourceIdentity": f"CN=host-{i % 500}", "durationSeconds": 3600},
            "responseElements": None})
    elif kind in (2, 3):
        common.update({
            "userIdentity": {"type": "IAMUser", "principalId": "AIDAJ45Q7YFFAREXAMPLE", "arn": f"arn:aws:iam::{ACCOUNT}:user/Alice", "accountId": ACCOUNT,
                             "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "userName": "Alice"},
            "eventSource": "ec2.amazonaws.com", "eventName": "DescribeInstances", "sourceIPAddress": "192.0.2.9",
            "requestParameters": {"instancesSet": {}, "filterSet": {}}, "responseElements": None})
    else:
        common.update({
            "userIdentity": {"type": "AssumedRole", "principalId": f"AROAEXAMPLE:{serial}", "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/app/{serial}",
                             "accountId": ACCOUNT, "accessKeyId": f"ASIAEXAMPLE{i % 500:05d}",
                             "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLE", "arn": ROLE, "accountId": ACCOUNT, "userName": "app"},
                                                "attributes": {"creationDate": time, "mfaAuthenticated": "false"}, "sourceIdentity": f"CN=host-{i % 500}"}},
            "eventSource": "s3.amazonaws.com", "eventName": "GetObject", "sourceIPAddress": ip,
            "requestParameters": {"bucketName": "data", "Host": "data.s3.eu-west-1.amazonaws.com", "key": f"reports/{i}.csv"}, "responseElements": None,
            "additionalEventData": {"SignatureVersion": "SigV4", "bytesTransferredIn": 0, "bytesTransferredOut": 1432},
            "resources": [{"type": "AWS::S3::Object", "ARN": f"arn:aws:s3:::data/reports/{i}.csv"}]})
    return common


def main():
    count, path = int(sys.argv[1]), sys.argv[2]
    with gzip.open(path, "wt", compresslevel=6, encoding="utf-8") as out:
        out.write('{"Records":[')
        for i in range(count):
            if i:
                out.write(",")
            out.write(json.dumps(record(i), separators=(",", ":")))
        out.write("]}")


if __name__ == "__main__":
    main()
