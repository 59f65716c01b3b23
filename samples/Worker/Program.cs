// A worker service that calls AWS on a timer with IAM Roles Anywhere credentials.
// Settings: the "RolesAnywhere" section (see appsettings.json), the SDK's "AWS" section and "Worker:Interval".
using Amazon.SecurityToken;
using Worker;

var builder = Host.CreateApplicationBuilder(args);

builder.Services.AddDefaultAWSOptions(builder.Configuration.GetAWSOptions());
builder.Services.AddRolesAnywhereCredentials(builder.Configuration.GetSection("RolesAnywhere"));
builder.Services.AddAWSService<IAmazonSecurityTokenService>();
builder.Services.Configure<IdentityReporterOptions>(builder.Configuration.GetSection("Worker"));
builder.Services.AddHostedService<IdentityReporter>();

builder.Build().Run();
