using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RolesAnywhere.Credentials;

// Arguments: endpoint trust-anchor-arn profile-arn role-arn certificate.pem key.pem callers http-timeout-seconds
// Prints one line: first=<ms> all=<ms> failedAttempts=<n> succeededAttempts=<n> errors=<messages>
if (args.Length != 8)
{
    Console.Error.WriteLine("usage: coldstart-probe endpoint trust-anchor-arn profile-arn role-arn certificate key callers http-timeout-seconds");
    return 2;
}

var logs = new CountingLoggerFactory();
using var credentials = new RolesAnywhereAWSCredentials(
    new RolesAnywhereOptions
    {
        Endpoint = new Uri(args[0]),
        TrustAnchorArn = args[1],
        ProfileArn = args[2],
        RoleArn = args[3],
        CertificatePath = args[4],
        PrivateKeyPath = args[5],
        HttpTimeout = TimeSpan.FromSeconds(double.Parse(args[7], System.Globalization.CultureInfo.InvariantCulture)),
    },
    logs);
var callers = int.Parse(args[6], System.Globalization.CultureInfo.InvariantCulture);
var clock = Stopwatch.StartNew();
long first = 0;
void Answered() => Interlocked.CompareExchange(ref first, Math.Max(1, clock.ElapsedMilliseconds), 0);

var tasks = Enumerable.Range(0, callers).Select(i => i % 2 == 0
    ? Task.Run(() => { credentials.GetCredentials(); Answered(); })
    : GetAsync()).ToArray();
await Task.WhenAll(tasks);
Console.WriteLine($"first={Interlocked.Read(ref first)} all={clock.ElapsedMilliseconds} failedAttempts={logs.Failed} succeededAttempts={logs.Succeeded} errors={string.Join(" | ", logs.Errors)}");
return 0;

async Task GetAsync()
{
    await credentials.GetCredentialsAsync();
    Answered();
}

/// <summary>Counts the library's CreateSession log events (1 succeeded, 2 failed) and keeps the failures' messages.</summary>
internal sealed class CountingLoggerFactory : ILoggerFactory, ILogger
{
    private int _failed;
    private int _succeeded;

    public int Failed => Volatile.Read(ref _failed);

    public int Succeeded => Volatile.Read(ref _succeeded);

    public ConcurrentQueue<string> Errors { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == 1)
        {
            Interlocked.Increment(ref _succeeded);
        }
        else if (eventId.Id == 2)
        {
            Interlocked.Increment(ref _failed);
            Errors.Enqueue(exception?.Message ?? formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
