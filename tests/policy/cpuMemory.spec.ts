import * as assert from "assert";
import { fargateValidCpuMemory as policy, parseCpuUnits, parseMemoryMiB } from "../../policy-pack/policies/cpuMemory";
import { checkTaskSize } from "../../components/rules";
import { U } from "./support/fixtures";
import { expectFindings, mandatory, unverified } from "./support/scenario";

const task = 'Task definition "app-task"';

/** The shared rules phrase problem and fix; the policy names the field and value in front of them. */
function ruleText(cpu: number, memory: number, os: string, arch: string): string {
    const [problem] = checkTaskSize(cpu, memory, os, arch);
    return `${problem.problem}. ${problem.fix}`;
}

describe("fargate-valid-cpu-memory", () => {
    it("passes the secure stack (256 cpu, 512 MiB, Linux x86_64)", async () => {
        await expectFindings(policy, undefined, []);
    });

    it("fails 256 cpu with 4096 MiB", async () => {
        await expectFindings(policy, s => s.update("app-task", p => (p.memory = "4096")), [
            mandatory(`${task}: memory 4096 ${ruleText(256, 4096, "LINUX", "X86_64")}`),
        ]);
    });

    it("fails a cpu value Fargate does not offer", async () => {
        await expectFindings(policy, s => s.update("app-task", p => (p.cpu = "300")), [
            mandatory(`${task}: cpu 300 ${ruleText(300, 512, "LINUX", "X86_64")}`),
        ]);
    });

    it("fails Windows on ARM64", async () => {
        await expectFindings(
            policy,
            s => s.update("app-task", p => Object.assign(p, { cpu: "1024", memory: "2048", runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpuArchitecture: "ARM64" } })),
            [mandatory(`${task}: runtimePlatform.cpuArchitecture ARM64 ${ruleText(1024, 2048, "WINDOWS_SERVER_2022_CORE", "ARM64")}`)],
        );
    });

    it("fails a Windows task below 1 vCPU", async () => {
        await expectFindings(
            policy,
            s => s.update("app-task", p => (p.runtimePlatform = { operatingSystemFamily: "WINDOWS_SERVER_2019_CORE", cpuArchitecture: "X86_64" })),
            [mandatory(`${task}: cpu 256 ${ruleText(256, 512, "WINDOWS_SERVER_2019_CORE", "X86_64")}`)],
        );
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
        await expectFindings(policy, s => s.update("app-task", p => Object.assign(p, { requiresCompatibilities: ["EC2"], memory: "4096" })), []);
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
