using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Options;

namespace Worker;

/// <summary>Calls STS GetCallerIdentity on a timer and logs who the workload is to AWS.</summary>
public sealed partial class IdentityReporter(IAmazonSecurityTokenService sts, IOptions<IdentityReporterOptions> options, ILogger<IdentityReporter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), stoppingToken);
                LogIdentity(logger, identity.Arn, identity.Account);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailure(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calling AWS as {Arn} (account {Account})")]
    private static partial void LogIdentity(ILogger logger, string arn, string account);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The AWS call failed; retrying at the next tick")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
