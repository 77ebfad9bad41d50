// Validates an OpenAPI document with @apidevtools/swagger-parser (schema and references).
// usage: node validate-openapi.cjs NODE_MODULES_DIR DOCUMENT.json
const path = require("path");
const SwaggerParser = require(path.join(process.argv[2], "@apidevtools/swagger-parser"));
SwaggerParser.validate(process.argv[3])
  .then((api) => {
    console.log(`valid: ${api.info.title} ${api.info.version}, ${Object.keys(api.paths).length} paths`);
  })
  .catch((error) => {
    console.error(`invalid: ${error.message}`);
    process.exit(1);
  });
