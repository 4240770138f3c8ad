"""An HTTPS web service on ECS Fargate with autoscaling and one secret, from the fargate-stack component.

The component is written in TypeScript; `pulumi package add ../../components` generated the Python SDK used here.
Property names are the schema's in snake_case (`memoryMib` becomes `memory_mib`).
"""

import pulumi
import pulumi_fargate_stack as fargate_stack

config = pulumi.Config()

api = fargate_stack.FargateStack(
    "api",
    image=config.require("image"),
    container_port=8080,
    cpu=512,
    memory_mib=1024,
    cpu_architecture=fargate_stack.CpuArchitecture.ARM64,
    user="101:101",
    writable_paths=["/tmp"],
    target_health_check_path="/",
    container_health_check=fargate_stack.ContainerHealthCheckArgs(
        command=["CMD-SHELL", "wget -q -O /dev/null http://localhost:8080/ || exit 1"],
        start_period_seconds=10,
    ),
    environment={"LOG_LEVEL": "info"},
    # The one secret: ECS injects the secret's value as DATABASE_URL; only the execution role can read it.
    secrets={"DATABASE_URL": config.require("databaseUrlSecretArn")},
    # HTTPS: a DNS-validated certificate, an HTTP->HTTPS redirect and an alias record in this zone.
    domain_name=config.require("domainName"),
    hosted_zone_id=config.require("hostedZoneId"),
    enable_autoscaling=True,
    min_task_count=2,
    max_task_count=10,
    cpu_target_percent=60,
    requests_per_task_per_minute=500,
    log_retention_days=30,
    tags={"app": "api", "environment": pulumi.get_stack()},
)

pulumi.export("url", api.url)
pulumi.export("serviceName", api.service_name)
pulumi.export("logGroupName", api.log_group_name)
