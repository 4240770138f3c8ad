"""A shop on one platform: a storefront for shop.example.com, a public API under /api/*, an internal catalog API that
the API calls by name, an order worker fed by a queue, and a report that runs every night.

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

# The network, cluster, HTTPS load balancer (shop.example.com and *.shop.example.com) and Service Connect namespace.
platform = fargate_stack.Platform(
    "shop",
    domain_name=domain_name,
    hosted_zone_id=config.require("hostedZoneId"),
    nat_gateways=fargate_stack.NatGatewayStrategy.SINGLE,
    tags={"app": "shop", "environment": pulumi.get_stack()},
)

# The three web services run nginx-unprivileged, which listens on 8080 as UID 101 and writes only under /tmp:
# image, user and writable_paths are the same for each.

# An internal API: no load balancer rule; the platform's services reach it at http://catalog:8080.
catalog = fargate_stack.WebService(
    "catalog",
    platform=platform.ref,
    internal=True,
    image=web_image,
    user="101",
    writable_paths=["/tmp"],
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

# Routed by host: everything else for shop.example.com.
storefront = fargate_stack.WebService(
    "storefront",
    platform=platform.ref,
    host_headers=[domain_name],
    priority=20,
    image=web_image,
    user="101",
    writable_paths=["/tmp"],
)

# Consumes the orders queue it creates (URL in QUEUE_URL); no tasks while the queue is empty.
orders = fargate_stack.WorkerService(
    "order-worker",
    platform=platform.ref,
    image=job_image,
    command=["sh", "-c", "while true; do sleep 20; done"],
    user="1000:1000",
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
