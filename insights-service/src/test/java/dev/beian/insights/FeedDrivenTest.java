package dev.beian.insights;

import dev.beian.insights.follow.Follower;
import dev.beian.insights.follow.RebuildService;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Base of tests that feed the insights through the stand-in registry: each test scripts the feed, rebuilds
 * the insights and lets the follower catch up, so no test depends on what another left behind.
 */
abstract class FeedDrivenTest {

    @Inject
    Follower follower;

    @Inject
    RebuildService rebuilds;

    static StandInRegistry registry() {
        return StandInRegistry.shared();
    }

    /** Replaces the feed with {@code events}, rebuilds and applies them all. */
    void load(List<JsonObject> events) throws Exception {
        registry().start();
        registry().replace(events);
        rebuilds.rebuild();
        follower.catchUp();
    }

    void append(List<JsonObject> events) throws Exception {
        registry().append(events);
        follower.catchUp();
    }

    static JsonPath get(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath();
    }

    /** An answer without its watermark: what must be equal between two applications of the same feed. */
    static Map<String, Object> numbers(String path) {
        Map<String, Object> body = get(path).getMap("");
        body.remove("watermark");
        return body;
    }
}
