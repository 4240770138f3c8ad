"""A shop on one platform: a storefront for shop.example.com that scales down at night, a public API under /api/*, an
internal catalog API with a persistent volume that the API calls by name, an order worker on Fargate Spot fed by a
queue, and a report that runs every night.

The components are written in TypeScript; `pulumi package add ../../components` generated the Python SDK used here.
Argument names are the schema's in snake_case (`pathPatterns` becomes `path_patterns`), and every workload takes the
platform as one value, its `ref` output.
"""

import pulumi
import pulumi_fargate_stack as fargate_stack

config = pulumi.Config()
web_image = config.require("webImage")
job_image = config.require("jobImage")
domain_name = config.require("domainName")
# Single (the default) or None (VPC endpoints instead, and private ECR images only); another value raises ValueError.
nat_gateways = fargate_stack.NatGatewayStrategy(config.require("natGateways"))
# Without NAT gateways the order worker reads its queue through an SQS endpoint.
enable_queue_endpoint = config.get_bool("enableQueueEndpoint") or False

# The network, cluster, HTTPS load balancer (shop.example.com and *.shop.example.com) and Service Connect namespace.
platform = fargate_stack.Platform(
    "shop",
    domain_name=domain_name,
    hosted_zone_id=config.require("hostedZoneId"),
    nat_gateways=nat_gateways,
    enable_queue_endpoint=enable_queue_endpoint,
    tags={"app": "shop", "environment": pulumi.get_stack()},
)

# The three web services run nginx-unprivileged, which listens on 8080 as UID 101 and writes only under /tmp:
# image, user and writable_paths are the same for each.

# An internal API: no load balancer rule; the platform's services reach it at http://catalog:8080. Its /data survives
# task replacement: an encrypted EFS file system shared by all its tasks, owned by nginx's UID and GID 101.
catalog = fargate_stack.WebService(
    "catalog",
    platform=platform.ref,
    internal=True,
    image=web_image,
    user="101",
    writable_paths=["/tmp"],
    efs_volumes=[fargate_stack.EfsVolumeArgs(container_path="/data", posix_uid=101, posix_gid=101)],
    min_task_count=2,
    max_task_count=4,
)

# Routed by path, on every host of the platform: https://shop.example.com/api/...
api = fargate_stack.WebService(
    "api",
    platform=platform.ref,
    path_patterns=["/api/*"],
    priority=10,
    image=web_image,
    user="101",
    writable_paths=["/tmp"],
    environment={"CATALOG_URL": catalog.service_connect_url},
    target_health_check_path="/",
    requests_per_task_per_minute=1000,
)

# Routed by host: everything else for shop.example.com. At night (22:00 to 07:00 Paris time) 1 or 2 tasks, by day
# the usual 2 to 10.
storefront = fargate_stack.WebService(
    "storefront",
    platform=platform.ref,
    host_headers=[domain_name],
    priority=20,
    image=web_image,
    user="101",
    writable_paths=["/tmp"],
    scheduled_capacity=[
        fargate_stack.ScheduledCapacityArgs(
            schedule="cron(0 22 * * ? *)", min_task_count=1, max_task_count=2, schedule_timezone="Europe/Paris"),
        fargate_stack.ScheduledCapacityArgs(
            schedule="cron(0 7 * * ? *)", min_task_count=2, max_task_count=10, schedule_timezone="Europe/Paris"),
    ],
)

# Consumes the orders queue it creates (URL in QUEUE_URL); no tasks while the queue is empty. On Fargate Spot: an
# interrupted task's messages become visible again after the visibility timeout, and another task takes them.
orders = fargate_stack.WorkerService(
    "order-worker",
    platform=platform.ref,
    image=job_image,
    command=["sh", "-c", "while true; do sleep 20; done"],
    user="1000:1000",
    capacity_strategy=fargate_stack.CapacityStrategy.SPOT,
    min_task_count=0,
    max_task_count=5,
    messages_per_task=50,
)

# Every night at 03:00 Paris time.
report = fargate_stack.ScheduledTask(
    "nightly-report",
    platform=platform.ref,
    image=job_image,
    command=["sh", "-c", "echo report done"],
    user="1000:1000",
    schedule="cron(0 3 * * ? *)",
    schedule_timezone="Europe/Paris",
)

pulumi.export("url", platform.url)
pulumi.export("storefrontUrl", storefront.url)
pulumi.export("apiUrl", api.url)
pulumi.export("catalogUrl", catalog.service_connect_url)
pulumi.export("ordersQueueUrl", orders.queue_url)
pulumi.export("reportSchedule", report.schedule_name)
