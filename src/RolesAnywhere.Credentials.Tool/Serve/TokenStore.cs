using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace RolesAnywhere.Credentials.Tool.Serve;

/// <summary>IMDSv2 session tokens: random, each valid for the TTL it was issued with.</summary>
internal sealed class TokenStore
{
    public const int DefaultTtlSeconds = 21600;
    public const int MaxTtlSeconds = 21600;

    /// <summary>Bounds memory when a client asks for a token per request and never reuses them.</summary>
    private const int MaxTokens = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    public TokenStore(TimeProvider time) => this.time = time;

    public string Issue(int ttlSeconds)
    {
        if (tokens.Count >= MaxTokens)
        {
            Prune();
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        tokens[token] = time.GetUtcNow().AddSeconds(ttlSeconds);
        return token;
    }

    public bool IsValid(string? token)
    {
        if (string.IsNullOrEmpty(token) || !tokens.TryGetValue(token, out var expiry))
        {
            return false;
        }

        if (expiry > time.GetUtcNow())
        {
            return true;
        }

        tokens.TryRemove(token, out _);
        return false;
    }

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (token, expiry) in tokens)
        {
            if (expiry <= now)
            {
                tokens.TryRemove(token, out _);
            }
        }

        // Still full of live tokens: drop the ones closest to expiry.
        foreach (var (token, _) in tokens.OrderBy(t => t.Value).Take(Math.Max(0, tokens.Count - (MaxTokens / 2))))
        {
            tokens.TryRemove(token, out _);
        }
    }
}
