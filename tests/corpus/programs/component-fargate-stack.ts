// This repository's FargateStack component with a certificate on a hosted zone: private tasks, IP target group,
// separate least-privilege roles and a valid size by construction.
import { FargateStack } from "fargate-stack";

const app = new FargateStack("shop", {
    image: "nginxinc/nginx-unprivileged:1.27-alpine",
    containerPort: 8080,
    user: "101",
    writablePaths: ["/tmp"],
    domainName: "shop.example.com",
    hostedZoneId: "Z0123456789EXAMPLE",
});

export const url = app.url;
