package io.gridshift.aggregator.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The contract the router validates against, from the served YAML. Vert.x OpenAPI 5.0.7 refuses a
 * document whose responses use a media type it cannot analyse, {@code application/problem+json}
 * among them; the router only validates requests, so its copy declares the problems as {@code
 * application/json} while {@code /openapi.yaml} serves the document as written.
 */
final class Contracts {
    static final String PROBLEM_TYPE = "application/problem+json";

    private Contracts() {}

    static Future<OpenAPIContract> load(Vertx vertx, String yaml) {
        Map<String, Object> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        JsonObject doc = new JsonObject(raw);
        JsonObject responses =
                doc.getJsonObject("components", new JsonObject())
                        .getJsonObject("responses", new JsonObject());
        for (String name : responses.fieldNames()) {
            JsonObject content = responses.getJsonObject(name).getJsonObject("content");
            if (content != null && content.containsKey(PROBLEM_TYPE)) {
                content.put("application/json", content.remove(PROBLEM_TYPE));
            }
        }
        return OpenAPIContract.from(vertx, doc);
    }
}
