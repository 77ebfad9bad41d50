// Checks every JSON answer the API tests received (one JSON line each, in ANSWERS_DIR/*.jsonl,
// written by ApiTestServer) against the OpenAPI document: the route and method are
// documented, the status is one of the route's responses, and the body matches that
// response's schema (ajv; the document is dereferenced by swagger-parser first).
// usage: node validate-answers.cjs NODE_MODULES_DIR DOCUMENT.json ANSWERS_DIR
const fs = require("fs");
const path = require("path");
const SwaggerParser = require(path.join(process.argv[2], "@apidevtools/swagger-parser"));
const Ajv = require(path.join(process.argv[2], "ajv"));

const [documentPath, answersDir] = [process.argv[3], process.argv[4]];

/// "/items/{item_id}/bids" -> /^\/items\/[^/]+\/bids$/
function templateRegex(template) {
  const escaped = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"));
  return new RegExp("^" + escaped.join("[^/]+") + "$");
}

SwaggerParser.dereference(documentPath)
  .then((api) => {
    // OpenAPI 3.0 schemas: "nullable" and "example" are keywords of the document, not of
    // JSON Schema; ajv knows the first and is told to ignore unknown ones.
    const ajv = new Ajv({ strict: false, allErrors: true });
    // The one format the document uses; ajv knows none without a plugin.
    ajv.addFormat("date-time", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    const routes = Object.entries(api.paths).map(([template, item]) => ({
      template,
      regex: templateRegex(template),
      item,
    }));
    const files = fs.existsSync(answersDir)
      ? fs.readdirSync(answersDir).filter((name) => name.endsWith(".jsonl"))
      : [];
    let checked = 0;
    const problems = new Map(); // one line per kind of problem, with how often it happened
    const problem = (text) => problems.set(text, (problems.get(text) || 0) + 1);
    for (const file of files) {
      for (const line of fs.readFileSync(path.join(answersDir, file), "utf8").split("\n")) {
        if (!line.trim()) continue;
        const answer = JSON.parse(line);
        const where = `${answer.method} ${answer.path} ${answer.status}`;
        // The document's paths are relative to its server, /api/v1, or to the root.
        const relative = answer.path.startsWith("/api/v1/") ? answer.path.slice(7) : answer.path;
        const route = routes.find((r) => r.regex.test(relative));
        if (!route) {
          // An unknown path is answered 404 with the error shape; nothing to look up.
          if (answer.status !== 404) problem(`${where}: the path is not in the document`);
          continue;
        }
        const operation = route.item[answer.method.toLowerCase()];
        if (!operation) {
          if (answer.status !== 405) problem(`${where}: the method is not documented for ${route.template}`);
          continue;
        }
        const response = operation.responses[String(answer.status)] || operation.responses.default;
        if (!response) {
          problem(`${answer.method} ${route.template} ${answer.status}: the status is not documented`);
          continue;
        }
        const schema = response.content && response.content["application/json"] &&
          response.content["application/json"].schema;
        if (!schema) {
          problem(`${answer.method} ${route.template} ${answer.status}: no JSON schema documented`);
          continue;
        }
        let body;
        try {
          body = JSON.parse(answer.body);
        } catch (error) {
          problem(`${where}: the body is not JSON (${error.message})`);
          continue;
        }
        const validate = ajv.compile(schema);
        if (!validate(body)) {
          problem(`${answer.method} ${route.template} ${answer.status}: ${ajv.errorsText(validate.errors)}`);
          continue;
        }
        ++checked;
      }
    }
    if (checked === 0 && problems.size === 0) {
      console.error(`no answers found in ${answersDir}: run api_tests first`);
      process.exit(1);
    }
    for (const [text, count] of problems) console.error(`${text} (x${count})`);
    console.log(`${checked} answers match the document, ${[...problems.values()].reduce((a, b) => a + b, 0)} do not`);
    process.exit(problems.size === 0 ? 0 : 1);
  })
  .catch((error) => {
    console.error(`cannot check: ${error.message}`);
    process.exit(1);
  });
