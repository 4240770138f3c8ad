// An HTTPS web service on ECS Fargate with autoscaling and one secret, from the fargate-stack component.
//
// The component is written in TypeScript; `pulumi package add ../../components` generated the Go SDK used here.
// Field names are the schema's with the first letter upper-cased. Inputs the component reads as plain values
// (numbers, booleans, most strings, lists, maps) are plain Go values or pointers; the others take pulumi inputs.
package main

import (
	"example.com/pulumi-fargate-stack/sdk/go/fargatestack"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		arm64 := fargatestack.CpuArchitectureARM64

		api, err := fargatestack.NewFargateStack(ctx, "api", &fargatestack.FargateStackArgs{
			Image:                 pulumi.String(cfg.Require("image")),
			ContainerPort:         pulumi.Float64Ref(8080),
			Cpu:                   pulumi.Float64Ref(512),
			MemoryMib:             pulumi.Float64Ref(1024),
			CpuArchitecture:       &arm64,
			User:                  pulumi.StringRef("101:101"),
			WritablePaths:         []string{"/tmp"},
			TargetHealthCheckPath: pulumi.StringRef("/"),
			ContainerHealthCheck: &fargatestack.ContainerHealthCheckArgs{
				Command:            []string{"CMD-SHELL", "wget -q -O /dev/null http://localhost:8080/ || exit 1"},
				StartPeriodSeconds: pulumi.Float64Ref(10),
			},
			Environment: map[string]pulumi.StringInput{"LOG_LEVEL": pulumi.String("info")},
			// The one secret: ECS injects the secret's value as DATABASE_URL; only the execution role can read it.
			Secrets: map[string]pulumi.StringInput{"DATABASE_URL": pulumi.String(cfg.Require("databaseUrlSecretArn"))},
			// HTTPS: a DNS-validated certificate, an HTTP->HTTPS redirect and an alias record in this zone.
			DomainName:               pulumi.StringRef(cfg.Require("domainName")),
			HostedZoneId:             pulumi.String(cfg.Require("hostedZoneId")),
			EnableAutoscaling:        pulumi.BoolRef(true),
			MinTaskCount:             pulumi.Float64Ref(2),
			MaxTaskCount:             pulumi.Float64Ref(10),
			CpuTargetPercent:         pulumi.Float64Ref(60),
			RequestsPerTaskPerMinute: pulumi.Float64Ref(500),
			LogRetentionDays:         pulumi.Float64Ref(30),
			Tags:                     map[string]string{"app": "api", "environment": ctx.Stack()},
		})
		if err != nil {
			return err
		}

		ctx.Export("url", api.Url)
		ctx.Export("serviceName", api.ServiceName)
		ctx.Export("logGroupName", api.LogGroupName)
		return nil
	})
}
