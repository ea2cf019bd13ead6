package dev.beian.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Time budgets that agree with what the backends do: the tests' request timeout is 2 s and the import budget 8 s.
 * A long poll of the change feed gets the normal budget plus the wait it asks for; a synchronous import its own.
 */
@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
class BudgetsTest {

    @Test
    void changeFeedPollWaitingLongerThanTheRequestTimeoutIsAnsweredNot504() {
        long start = System.nanoTime();
        given().get("/api/v1/changes?after=0&wait=3").then().statusCode(200).body("backend", equalTo("registry"));
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(took >= 2900, "the stand-in waited the 3 s asked for, took " + took + " ms");
    }

    @Test
    void onlyTheChangeFeedGetsTheWaitAddedToItsBudget() {
        given().get("/api/v1/slow?ms=3500&wait=30").then().statusCode(504);
    }

    @Test
    void synchronousImportLongerThanTheRequestTimeoutIsAnsweredNot504() {
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).contentType("text/csv").body("a,b\n1,2\n")
                .post("/api/v1/filings/import?ms=3500").then().statusCode(200).body("bodyLength", equalTo(8));
    }
}
