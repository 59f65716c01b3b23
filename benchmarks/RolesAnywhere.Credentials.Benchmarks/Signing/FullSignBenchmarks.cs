using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Benchmarks.Signing;

/// <summary>
/// Question 3: what does a whole CreateSession signature cost over the bare private-key operation on
/// data of the string-to-sign's size? Target: at most 5 % overhead for RSA-2048.
/// </summary>
[MemoryDiagnoser]
public class FullSignBenchmarks
{
    private readonly byte[] _signature = new byte[512];
    private readonly char[] _authorization = new char[2048];
    private RolesAnywhereRequestSigner _signer = null!;
    private AsymmetricSigningKey _key = null!;
    private AsymmetricAlgorithm _rawKey = null!;
    private SigningRequest _request;
    private byte[] _stringToSign = null!;

    [Params("RSA-2048", "P-256")]
    public string Key { get; set; } = "RSA-2048";

    [GlobalSetup]
    public void Setup()
    {
        (var certificate, var key) = BenchmarkRequests.CreateIdentity(rsa: Key == "RSA-2048");
        byte[] pkcs8 = key.ExportPkcs8PrivateKey();
        _rawKey = key;
        _key = key is RSA ? new AsymmetricSigningKey(ImportRsa(pkcs8)) : new AsymmetricSigningKey(ImportEcdsa(pkcs8));
        _signer = new RolesAnywhereRequestSigner(certificate, null, _key);
        _request = BenchmarkRequests.Create(arnsInQuery: false);
        _stringToSign = Encoding.ASCII.GetBytes(_signer.GetStringToSign(_request));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _key.Dispose();
        _rawKey.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Raw TrySignData (RSA PKCS#1 / ECDSA DER)")]
    public int RawTrySignData()
    {
        int written;
        _ = _rawKey is RSA rsa
            ? rsa.TrySignData(_stringToSign, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, out written)
            : ((ECDsa)_rawKey).TrySignData(_stringToSign, _signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence, out written);
        return written;
    }

    [Benchmark(Description = "TryCreateAuthorizationHeader")]
    public int FullSign()
    {
        _ = _signer.TryCreateAuthorizationHeader(_request, _authorization, out int written);
        return written;
    }

    private static RSA ImportRsa(byte[] pkcs8)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return rsa;
    }

    private static ECDsa ImportEcdsa(byte[] pkcs8)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return ecdsa;
    }
}
