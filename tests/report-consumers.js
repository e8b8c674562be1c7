// The JUnit and Markdown reports as their consumers read them, over the golden cases:
// test-results-parser (a JUnit reader used by CI reporting tools) must find one test per old
// query and per new migration statement, with failures exactly when the check fails; the
// Markdown report must carry the verdict and one table row per finding.
//   node tests/report-consumers.js BINARY CASE_DIR...
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const parser = require(path.join(__dirname, "..", "tools", "node_modules", "test-results-parser"));

const [binaryArg, ...cases] = process.argv.slice(2);
const binary = path.resolve(binaryArg);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mc-junit-"));
let checked = 0;
const failures = [];

function run(caseDir, format, extra) {
  try {
    return { code: 0, out: execFileSync(binary, ["check", "--old", "old", "--new", "new", ...extra, "--format", format],
                                        { cwd: caseDir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }) };
  } catch (e) {
    return { code: e.status, out: e.stdout };
  }
}

for (const caseDir of cases) {
  const expect = fs.readFileSync(path.join(caseDir, "expect"), "utf8");
  if (/^verdict: error$/m.test(expect)) continue;
  const extra = [];
  for (const m of expect.matchAll(/^args: *(.*)$/gm)) extra.push(...m[1].split(/\s+/).filter(Boolean));
  const toml = path.join(caseDir, "new", "migcompat.toml");
  if (fs.existsSync(toml) && /postgres/.test(fs.readFileSync(toml, "utf8"))) extra.push("--engine", "none");
  const name = path.basename(caseDir);

  const json = JSON.parse(run(caseDir, "json", extra).out);
  const junit = run(caseDir, "junit", extra);
  const file = path.join(tmp, name + ".xml");
  fs.writeFileSync(file, junit.out);
  const result = parser.parse({ type: "junit", files: [file] });
  const wanted = json.summary.old_queries + json.summary.new_statements;
  if (result.total !== wanted) failures.push(`${name}: JUnit has ${result.total} tests, wanted ${wanted}`);
  if ((result.failed > 0) !== (junit.code === 1)) failures.push(`${name}: JUnit failures ${result.failed}, exit code ${junit.code}`);

  const markdown = run(caseDir, "markdown", extra);
  const verdict = markdown.code === 1 ? "❌ incompatible" : "✅ compatible";
  if (!markdown.out.includes(`## migcompat: ${verdict}`)) failures.push(`${name}: Markdown lacks "${verdict}"`);
  const rows = markdown.out.split("\n").filter((l) => /^\| (❌|⚠️|ℹ️)/.test(l)).length;
  if (rows !== json.diagnostics.length) failures.push(`${name}: Markdown has ${rows} rows for ${json.diagnostics.length} findings`);
  checked++;
}
fs.rmSync(tmp, { recursive: true, force: true });
if (failures.length) {
  console.log(failures.join("\n"));
  process.exit(1);
}
console.log(`report-consumers: ${checked} cases: JUnit read by test-results-parser, Markdown verdicts and rows match`);
