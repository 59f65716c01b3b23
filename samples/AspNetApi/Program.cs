// A minimal API whose AWS SDK clients get IAM Roles Anywhere credentials.
// Settings: the "RolesAnywhere" section (see appsettings.json) and the SDK's usual "AWS" section.
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDefaultAWSOptions(builder.Configuration.GetAWSOptions());
builder.Services.AddRolesAnywhereCredentials(builder.Configuration.GetSection("RolesAnywhere"));
builder.Services.AddAWSService<IAmazonSecurityTokenService>();
builder.Services.AddHealthChecks().AddRolesAnywhere();

var app = builder.Build();

app.MapHealthChecks("/health");
app.MapGet("/whoami", async (IAmazonSecurityTokenService sts, CancellationToken cancellationToken) =>
{
    var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken);
    return Results.Ok(new { identity.Account, identity.Arn, identity.UserId });
});

app.Run();
