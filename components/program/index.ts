/**
 * The root Pulumi project's program: builds one FargateStack from the stack's config (`Pulumi.<stack>.yaml`) and
 * exports its outputs. Pulumi.yaml points here with `main`; see Pulumi.dev.yaml for every key.
 */
import * as pulumi from "@pulumi/pulumi";
import { FargateStack } from "..";
import { readStackConfig } from "./stackConfig";

const { name, args, warnings } = readStackConfig(pulumi.getProject(), pulumi.runtime.allConfig());
warnings.forEach(warning => pulumi.log.warn(warning));
const app = new FargateStack(name, args);

export const url = app.url;
export const loadBalancerDnsName = app.loadBalancerDnsName;
export const serviceName = app.serviceName;
export const serviceArn = app.serviceArn;
export const clusterName = app.clusterName;
export const clusterArn = app.clusterArn;
export const taskDefinitionArn = app.taskDefinitionArn;
export const vpcId = app.vpcId;
export const privateSubnetIds = app.privateSubnetIds;
export const publicSubnetIds = app.publicSubnetIds;
export const executionRoleArn = app.executionRoleArn;
export const taskRoleArn = app.taskRoleArn;
export const logGroupName = app.logGroupName;
export const repositoryUrl = app.repositoryUrl;
