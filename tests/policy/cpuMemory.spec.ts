import * as assert from "assert";
import { fargateValidCpuMemory as policy, parseCpuUnits, parseMemoryMiB } from "../../policy-pack/policies/cpuMemory";
import { T } from "../../policy-pack/lib/types";
import { StackFixture, U } from "./support/fixtures";
import { expectFindings, mandatory, unverified } from "./support/scenario";

const task = 'Task definition "app-task"';

describe("fargate-valid-cpu-memory", () => {
    it("passes the secure stack (256 cpu, 512 MiB, Linux x86_64)", async () => {
        await expectFindings(policy, undefined, []);
    });

    it("fails 256 cpu with 4096 MiB", async () => {
        await expectFindings(policy, s => s.update("app-task", p => (p.memory = "4096")), [
            mandatory(`${task}: memory 4096 is not a valid Fargate memory size for 256 cpu units. Use one of 512, 1024, 2048 MiB.`),
        ]);
    });

    it("fails a cpu value Fargate does not offer", async () => {
        await expectFindings(policy, s => s.update("app-task", p => (p.cpu = "300")), [
            mandatory(`${task}: cpu 300 is not a valid Fargate cpu value. Use one of 256, 512, 1024, 2048, 4096, 8192, 16384.`),
        ]);
    });

    it("fails Windows on ARM64", async () => {
        await expectFindings(
            policy,
            s => s.update("app-task", p => Object.assign(p, { cpu: "1024", memory: "2048", runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpuArchitecture: "ARM64" } })),
            [mandatory(`${task}: runtimePlatform.cpuArchitecture ARM64 must be X86_64 for Windows containers (Fargate runs Windows only on X86_64). Use X86_64 for Windows, or the LINUX operating system family for ARM64.`)],
        );
    });

    it("fails a Windows task below 1 vCPU", async () => {
        await expectFindings(
            policy,
            s => s.update("app-task", p => (p.runtimePlatform = { operatingSystemFamily: "WINDOWS_SERVER_2019_CORE", cpuArchitecture: "X86_64" })),
            [mandatory(`${task}: cpu 256 is not a valid Fargate cpu value for Windows. Use one of 1024, 2048, 4096.`)],
        );
    });

    it("fails an operating system family Fargate does not run (Windows Server 2016 is EC2 only)", async () => {
        await expectFindings(
            policy,
            s => s.update("app-task", p => Object.assign(p, { cpu: "1024", memory: "2048", runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2016_FULL", cpuArchitecture: "X86_64" } })),
            [mandatory(`${task}: runtimePlatform.operatingSystemFamily WINDOWS_SERVER_2016_FULL is not an operating system family Fargate runs. Use one of LINUX, WINDOWS_SERVER_2019_FULL, WINDOWS_SERVER_2019_CORE, WINDOWS_SERVER_2022_FULL, WINDOWS_SERVER_2022_CORE.`)],
        );
    });

    it("fails a CPU architecture Fargate does not run", async () => {
        await expectFindings(policy, s => s.update("app-task", p => (p.runtimePlatform = { operatingSystemFamily: "LINUX", cpuArchitecture: "AMD64" })), [
            mandatory(`${task}: runtimePlatform.cpuArchitecture AMD64 is not a CPU architecture Fargate runs. Use X86_64 or ARM64.`),
        ]);
    });

    it("accepts vCPU and GB notation", async () => {
        await expectFindings(policy, s => s.update("app-task", p => Object.assign(p, { cpu: "1 vCPU", memory: "2 GB" })), []);
    });

    it("fails a Fargate task definition without task-level memory", async () => {
        await expectFindings(policy, s => s.update("app-task", p => delete p.memory), [
            mandatory(`${task}: Fargate requires task-level memory (it is not set). Set cpu and memory on the task definition to a supported pair, for example cpu "256" and memory "512".`),
        ]);
    });

    it("ignores task definitions that are not for Fargate", async () => {
        await expectFindings(policy, s => s.update("app-task", p => Object.assign(p, { requiresCompatibilities: ["EC2"], memory: "4096" }))
            .update("app-service", p => (p.launchType = "EC2")), []);
    });

    describe("task definitions that do not declare FARGATE", () => {
        const undeclared = (size: Record<string, unknown>) => (s: StackFixture) =>
            s.update("app-task", p => Object.assign(p, { requiresCompatibilities: undefined, ...size }));
        const byService = `${task} (run on Fargate by ECS service "app-service")`;

        it("checks the size of one a Fargate service runs, whatever it declares", async () => {
            await expectFindings(policy, undeclared({ memory: "4096" }), [
                mandatory(`${byService}: memory 4096 is not a valid Fargate memory size for 256 cpu units. Use one of 512, 1024, 2048 MiB.`),
            ]);
            await expectFindings(policy, undeclared({ cpu: undefined }), [
                mandatory(`${byService}: Fargate requires task-level cpu (it is not set). Set cpu and memory on the task definition to a supported pair, for example cpu "256" and memory "512".`),
            ]);
        });

        it("checks one run by a Fargate capacity provider strategy or a Fargate Scheduler target", async () => {
            await expectFindings(policy, s => {
                undeclared({ memory: "4096" })(s);
                s.update("app-service", p => {
                    delete p.launchType;
                    p.capacityProviderStrategies = [{ capacityProvider: "FARGATE_SPOT", weight: 1 }];
                });
            }, [mandatory(`${byService}: memory 4096 is not a valid Fargate memory size for 256 cpu units. Use one of 512, 1024, 2048 MiB.`)]);
            await expectFindings(policy, s => {
                undeclared({ memory: "4096" })(s);
                s.update("app-service", p => (p.launchType = "EC2"));
                s.add(T.schedule, "nightly", { target: { arn: U, roleArn: U, ecsParameters: { taskDefinitionArn: U, launchType: "FARGATE" } } }, { target: [s.get("app-task")] });
            }, [mandatory(`${task} (run on Fargate by Scheduler schedule "nightly"): memory 4096 is not a valid Fargate memory size for 256 cpu units. Use one of 512, 1024, 2048 MiB.`)]);
        });

        it("leaves one alone that only EC2 launchers run", async () => {
            await expectFindings(policy, s => {
                undeclared({ memory: "4096" })(s);
                s.update("app-service", p => (p.launchType = "EC2"));
            }, []);
        });
    });

    it("reports unknown cpu and memory as cannot verify", async () => {
        await expectFindings(policy, s => s.update("app-task", p => Object.assign(p, { cpu: U, memory: U })), [
            unverified(`${task} has cpu, memory unknown during preview, so its Fargate task size cannot be verified. Set them to literal values.`),
        ]);
    });

    it("parses the notations the ECS API accepts", () => {
        assert.deepStrictEqual(["256", 512, "1 vCPU", "0.25 vcpu", "2vCPU", "x"].map(parseCpuUnits), [256, 512, 1024, 256, 2048, undefined]);
        assert.deepStrictEqual(["512", 1024, "2GB", "0.5 GB", "8 gb", "lots"].map(parseMemoryMiB), [512, 1024, 2048, 512, 8192, undefined]);
    });
});
