// An HTTPS web service on ECS Fargate with autoscaling and one secret, from the fargate-stack component.
//
// The component is written in TypeScript; `pulumi package add ../../components` generated the .NET SDK used here.
// Property names are the schema's with the first letter upper-cased.
using System.Collections.Generic;
using Pulumi;
using Pulumi.FargateStack;
using Pulumi.FargateStack.Inputs;

return await Deployment.RunAsync(() =>
{
    var config = new Config();

    var api = new FargateStack("api", new FargateStackArgs
    {
        Image = config.Require("image"),
        ContainerPort = 8080,
        Cpu = 512,
        MemoryMib = 1024,
        CpuArchitecture = CpuArchitecture.ARM64,
        User = "101:101",
        WritablePaths = { "/tmp" },
        TargetHealthCheckPath = "/",
        ContainerHealthCheck = new ContainerHealthCheckArgs
        {
            Command = { "CMD-SHELL", "wget -q -O /dev/null http://localhost:8080/ || exit 1" },
            StartPeriodSeconds = 10,
        },
        Environment = { { "LOG_LEVEL", "info" } },
        // The one secret: ECS injects the secret's value as DATABASE_URL; only the execution role can read it.
        Secrets = { { "DATABASE_URL", config.Require("databaseUrlSecretArn") } },
        // HTTPS: a DNS-validated certificate, an HTTP->HTTPS redirect and an alias record in this zone.
        DomainName = config.Require("domainName"),
        HostedZoneId = config.Require("hostedZoneId"),
        EnableAutoscaling = true,
        MinTaskCount = 2,
        MaxTaskCount = 10,
        CpuTargetPercent = 60,
        RequestsPerTaskPerMinute = 500,
        LogRetentionDays = 30,
        Tags = { { "app", "api" }, { "environment", Deployment.Instance.StackName } },
    });

    return new Dictionary<string, object?>
    {
        ["url"] = api.Url,
        ["serviceName"] = api.ServiceName,
        ["logGroupName"] = api.LogGroupName,
    };
});
