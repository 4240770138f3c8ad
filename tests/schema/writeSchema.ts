/**
 * `npm run schema`: regenerates the committed schema snapshot, `components/schema.json`, from the TypeScript sources
 * (the schema `pulumi package add` gets from the plugin's GetSchema). Commit the diff with the API change behind it;
 * `tests/schema/schema.spec.ts` fails while the two differ.
 */
import * as fs from "fs";
import * as path from "path";
import { formatSchema, inferSchema, REPO_ROOT, SNAPSHOT_PATH } from "./schemaSupport";

async function main(): Promise<void> {
    const schema = await inferSchema();
    const text = formatSchema(schema);
    const previous = fs.existsSync(SNAPSHOT_PATH) ? fs.readFileSync(SNAPSHOT_PATH, "utf8") : undefined;
    fs.writeFileSync(SNAPSHOT_PATH, text);
    const where = path.relative(REPO_ROOT, SNAPSHOT_PATH);
    console.log(previous === text ? `${where} is up to date.` : `Wrote ${where}: review and commit the diff.`);
}

main().catch(err => {
    console.error(err);
    process.exitCode = 1;
});
