package com.salescopilot.api;

import static com.salescopilot.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.support.ApiClient;
import com.salescopilot.support.ApiClient.Response;
import com.salescopilot.support.HttpTest;
import com.salescopilot.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every endpoint of /api/v1 over real HTTP, with each kind of bad input. */
@HttpTest
class RestApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    Actor seller;
    Actor otherSeller;
    ApiClient api;
    ApiClient other;
    ApiClient admin;

    @BeforeEach
    void users() {
        seller = data.newUser(Role.SELLER);
        otherSeller = data.newUser(Role.SELLER);
        api = ApiClient.as(port, seller.username(), TestData.PASSWORD);
        other = ApiClient.as(port, otherSeller.username(), TestData.PASSWORD);
        admin = ApiClient.as(port, "admin", "admin-test-password");
    }

    private JsonNode newSession(ApiClient client, String alias, String text) {
        Response r = client.post("/api/v1/interactions",
                json("session_id", null, "client_alias", alias, "type", "client_statement", "text", text));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static void assertProblem(Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as("problem+json content type: " + r.contentType()).isTrue();
        JsonNode body = r.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank().doesNotContain("Exception").doesNotContain("at com.");
    }

    @Nested
    class Authentication {

        @Test
        void everyEndpointAnswers401WithProblemDetailsWithoutCredentials() {
            ApiClient anonymous = ApiClient.anonymous(port);
            for (Response r : List.of(anonymous.get("/api/v1/sessions"), anonymous.get("/api/v1/sessions/1"),
                    anonymous.get("/api/v1/clients"), anonymous.get("/api/v1/interactions/1"),
                    anonymous.post("/api/v1/interactions", json("type", "note", "text", "x")),
                    anonymous.post("/api/v1/users", json("username", "x")))) {
                assertProblem(r, 401);
            }
        }

        @Test
        void wrongPasswordIs401() {
            assertProblem(ApiClient.as(port, seller.username(), "wrong-password").get("/api/v1/sessions"), 401);
        }

        @Test
        void healthIsPublicButShowsOnlyTheStatus() {
            Response r = ApiClient.anonymous(port).get("/actuator/health");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("status").asString()).isEqualTo("UP");
            assertThat(r.json().has("components")).isFalse();
        }

        @Test
        void openApiDescribesTheApi() {
            Response r = ApiClient.anonymous(port).get("/v3/api-docs");
            assertThat(r.status()).isEqualTo(200);
            JsonNode paths = r.json().get("paths");
            assertThat(paths.has("/api/v1/sessions")).isTrue();
            assertThat(paths.has("/api/v1/sessions/{id}/conclude")).isTrue();
            assertThat(paths.has("/api/v1/interactions")).isTrue();
            assertThat(paths.has("/api/v1/clients/{id}")).isTrue();
            assertThat(paths.has("/api/v1/users")).isTrue();
        }
    }

    @Nested
    class Users {

        @Test
        void adminCreatesAUser() {
            String username = "api-" + UUID.randomUUID().toString().substring(0, 8);
            Response r = admin.post("/api/v1/users", json("username", username, "password", "long-enough-pw",
                    "display_name", "Anna Nowak", "role", "MANAGER"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            JsonNode body = r.json();
            assertThat(body.get("id").asLong()).isPositive();
            assertThat(body.get("username").asString()).isEqualTo(username);
            assertThat(body.get("display_name").asString()).isEqualTo("Anna Nowak");
            assertThat(body.get("role").asString()).isEqualTo("MANAGER");
            assertThat(body.get("enabled").asBoolean()).isTrue();
            assertThat(body.has("password")).isFalse();
            assertThat(body.has("password_hash")).isFalse();
            // the new user can log in
            assertThat(ApiClient.as(port, username, "long-enough-pw").get("/api/v1/sessions").status()).isEqualTo(200);
        }

        @Test
        void aSellerMayNotCreateUsers() {
            assertProblem(api.post("/api/v1/users", json("username", "nope-user", "password", "long-enough-pw",
                    "display_name", "X", "role", "ADMIN")), 403);
        }

        @Test
        void badUserInputIs400AndADuplicateIs409() {
            assertProblem(admin.post("/api/v1/users", json("username", "ok-name-1", "password", "short",
                    "display_name", "X", "role", "SELLER")), 400);
            assertProblem(admin.post("/api/v1/users", json("username", "ok-name-2", "password", "long-enough-pw",
                    "display_name", "X", "role", "KING")), 400);
            assertProblem(admin.post("/api/v1/users", json("username", "a b", "password", "long-enough-pw",
                    "display_name", "X", "role", "SELLER")), 400);
            assertProblem(admin.post("/api/v1/users", json("username", seller.username(), "password", "long-enough-pw",
                    "display_name", "X", "role", "SELLER")), 409);
        }
    }

    @Nested
    class Clients {

        @Test
        void createReadUpdateAndList() {
            Response created = api.post("/api/v1/clients", json("alias", "Pani Łucja", "notes", "Lubi konkrety"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            long id = created.json().get("id").asLong();
            assertThat(created.json().get("owner_id").asLong()).isEqualTo(seller.userId());

            JsonNode read = api.get("/api/v1/clients/" + id).json();
            assertThat(read.get("alias").asString()).isEqualTo("Pani Łucja");
            assertThat(read.get("notes").asString()).isEqualTo("Lubi konkrety");

            Response updated = api.put("/api/v1/clients/" + id, json("alias", "Pani Łucja K.", "notes", "Flota 3 aut",
                    "version", read.get("version").asLong()));
            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
            assertThat(updated.json().get("alias").asString()).isEqualTo("Pani Łucja K.");

            // a stale version (the one read before the update) is a conflict
            assertProblem(api.put("/api/v1/clients/" + id, json("alias", "Other", "version", read.get("version").asLong())), 409);

            JsonNode list = api.get("/api/v1/clients?q=LUCJA").json();
            assertThat(list.get("items")).extracting(n -> n.get("id").asLong()).containsExactly(id);
            assertThat(list.get("has_next").asBoolean()).isFalse();
        }

        @Test
        void badClientInputIs400() {
            assertProblem(api.post("/api/v1/clients", json("alias", "   ")), 400);
            assertProblem(api.post("/api/v1/clients", json("alias", "x".repeat(121))), 400);
            assertProblem(api.post("/api/v1/clients", json("alias", "ok", "notes", "n".repeat(4001))), 400);
            assertThat(api.post("/api/v1/clients", json("alias", "x".repeat(120), "notes", "n".repeat(4000))).status())
                    .isEqualTo(201);
            assertProblem(api.get("/api/v1/clients?size=0"), 400);
            assertProblem(api.get("/api/v1/clients/abc"), 400);
        }

        @Test
        void anotherSellersClientIsNotFoundAndUnknownIdsToo() {
            long id = api.post("/api/v1/clients", json("alias", "Tajny klient")).json().get("id").asLong();
            assertProblem(other.get("/api/v1/clients/" + id), 404);
            assertProblem(other.put("/api/v1/clients/" + id, json("alias", "Hijack")), 404);
            assertProblem(api.get("/api/v1/clients/999999999"), 404);
            assertThat(other.get("/api/v1/clients?q=tajny").json().get("items")).isEmpty();
        }

        @Test
        void onlyAnAdminErasesAClientAndEverythingAboutThem() {
            JsonNode interaction = newSession(api, "Do usunięcia", "Chce usunąć dane");
            long sessionId = interaction.get("session_id").asLong();
            long clientId = api.get("/api/v1/sessions/" + sessionId).json().get("client").get("id").asLong();

            assertProblem(api.delete("/api/v1/clients/" + clientId), 403);
            assertThat(admin.delete("/api/v1/clients/" + clientId).status()).isEqualTo(204);

            assertProblem(api.get("/api/v1/clients/" + clientId), 404);
            assertProblem(api.get("/api/v1/sessions/" + sessionId), 404);
            assertProblem(api.get("/api/v1/interactions/" + interaction.get("id").asLong()), 404);
            assertProblem(admin.delete("/api/v1/clients/" + clientId), 404);
        }
    }

    @Nested
    class Interactions {

        @Test
        void theFirstInteractionCreatesTheSessionAndTheClient() {
            JsonNode body = newSession(api, "Pan Żółwiński", "Pyta o zasięg zimą");
            assertThat(body.get("id").asLong()).isPositive();
            assertThat(body.get("session_id").asLong()).isPositive();
            assertThat(body.get("type").asString()).isEqualTo("client_statement");
            assertThat(body.get("text").asString()).isEqualTo("Pyta o zasięg zimą");
            assertThat(body.get("author").asString()).isEqualTo(seller.username());
            assertThat(body.get("created_at").asString()).isNotBlank();
            assertThat(body.get("session_created").asBoolean()).isTrue();
            assertThat(body.get("client_created").asBoolean()).isTrue();

            JsonNode session = api.get("/api/v1/sessions/" + body.get("session_id").asLong()).json();
            assertThat(session.get("client").get("alias").asString()).isEqualTo("Pan Żółwiński");
            assertThat(session.get("status").asString()).isEqualTo("active");
        }

        @Test
        void aNewSessionForAnExistingClientAndAFollowUpInteraction() {
            long clientId = api.post("/api/v1/clients", json("alias", "Firma Flota")).json().get("id").asLong();
            Response first = api.post("/api/v1/interactions",
                    json("session_id", null, "client_id", clientId, "type", "observation", "text", "Przyszedł z żoną"));
            assertThat(first.status()).isEqualTo(201);
            assertThat(first.json().get("client_created").asBoolean()).isFalse();
            long sessionId = first.json().get("session_id").asLong();

            Response second = api.post("/api/v1/interactions",
                    json("session_id", sessionId, "type", "objection", "text", "Za drogo w porównaniu z BMW iX3"));
            assertThat(second.status()).isEqualTo(201);
            assertThat(second.json().get("session_id").asLong()).isEqualTo(sessionId);
            assertThat(second.json().get("session_created").asBoolean()).isFalse();

            JsonNode got = api.get("/api/v1/interactions/" + second.json().get("id").asLong()).json();
            assertThat(got.get("text").asString()).isEqualTo("Za drogo w porównaniu z BMW iX3");
            assertThat(got.get("type").asString()).isEqualTo("objection");

            JsonNode session = api.get("/api/v1/sessions/" + sessionId).json();
            assertThat(session.get("interactions")).extracting(n -> n.get("text").asString())
                    .containsExactly("Przyszedł z żoną", "Za drogo w porównaniu z BMW iX3");
        }

        @Test
        void badTextIs400AndNothingIsCreated() {
            String alias = "Nie-utworzony-" + UUID.randomUUID();
            assertProblem(api.post("/api/v1/interactions", json("client_alias", alias, "type", "note", "text", "")), 400);
            assertProblem(api.post("/api/v1/interactions", json("client_alias", alias, "type", "note", "text", "  \n ")), 400);
            assertProblem(api.post("/api/v1/interactions",
                    json("client_alias", alias, "type", "note", "text", "x".repeat(8001))), 400);
            assertProblem(api.post("/api/v1/interactions", json("client_alias", alias, "type", "dance", "text", "x")), 400);
            assertProblem(api.post("/api/v1/interactions", json("client_alias", "", "type", "note", "text", "x")), 400);
            assertProblem(api.post("/api/v1/interactions",
                    json("client_alias", "y".repeat(121), "type", "note", "text", "x")), 400);
            assertProblem(api.post("/api/v1/interactions", "{not json"), 400);
            assertThat(api.get("/api/v1/clients?q=" + alias).json().get("items")).isEmpty();

            // the limits are inclusive, after trimming
            Response longest = api.post("/api/v1/interactions",
                    json("client_alias", alias, "type", "note", "text", "  " + "x".repeat(8000) + "  "));
            assertThat(longest.status()).as(longest.toString()).isEqualTo(201);
            assertThat(longest.json().get("text").asString()).hasSize(8000);
        }

        @Test
        void unknownAndForeignIdsAre404() {
            JsonNode mine = newSession(api, "Mój klient", "Dzień dobry");
            long sessionId = mine.get("session_id").asLong();
            long clientId = api.get("/api/v1/sessions/" + sessionId).json().get("client").get("id").asLong();

            assertProblem(other.post("/api/v1/interactions", json("session_id", sessionId, "type", "note", "text", "x")), 404);
            assertProblem(other.post("/api/v1/interactions", json("client_id", clientId, "type", "note", "text", "x")), 404);
            assertProblem(other.get("/api/v1/interactions/" + mine.get("id").asLong()), 404);
            assertProblem(api.post("/api/v1/interactions", json("session_id", 999999999, "type", "note", "text", "x")), 404);
            assertProblem(api.get("/api/v1/interactions/999999999"), 404);
        }

        @Test
        void aClosedSessionTakesNoMoreInteractions() {
            long sessionId = newSession(api, "Zamknięty", "Kupuje").get("session_id").asLong();
            assertThat(api.post("/api/v1/sessions/" + sessionId + "/conclude", json("outcome", "won")).status()).isEqualTo(200);
            assertProblem(api.post("/api/v1/interactions", json("session_id", sessionId, "type", "note", "text", "x")), 409);
            assertThat(api.get("/api/v1/sessions/" + sessionId).json().get("interactions")).hasSize(1);
        }
    }

    @Nested
    class Sessions {

        @Test
        void listIsNewestFirstWithPagingAndFilters() {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(newSession(api, "Kowalski " + i, "Rozmowa " + i).get("session_id").asLong());
            }
            newSession(api, "Żaneta Źdźbło", "Pyta o leasing");
            api.post("/api/v1/sessions/" + ids.get(0) + "/conclude", json("outcome", "lost", "reason", "price"));

            JsonNode page0 = api.get("/api/v1/sessions?size=4&page=0").json();
            assertThat(page0.get("items")).hasSize(4);
            assertThat(page0.get("page").asInt()).isZero();
            assertThat(page0.get("size").asInt()).isEqualTo(4);
            assertThat(page0.get("has_next").asBoolean()).isTrue();
            // concluding counts as activity: the concluded one is the newest
            assertThat(page0.get("items").get(0).get("id").asLong()).isEqualTo(ids.get(0));
            assertThat(page0.get("items").get(0).get("status").asString()).isEqualTo("closed");
            assertThat(page0.get("items").get(0).get("outcome").asString()).isEqualTo("lost");
            JsonNode first = page0.get("items").get(1);
            assertThat(first.get("client_alias").asString()).isEqualTo("Żaneta Źdźbło");
            assertThat(first.get("owner").asString()).isEqualTo(seller.username());
            assertThat(first.has("client_id")).isTrue();
            assertThat(first.has("created_at")).isTrue();
            assertThat(first.has("last_activity_at")).isTrue();

            JsonNode page1 = api.get("/api/v1/sessions?size=4&page=1").json();
            assertThat(page1.get("items")).hasSize(2);
            assertThat(page1.get("has_next").asBoolean()).isFalse();

            assertThat(api.get("/api/v1/sessions?status=closed").json().get("items"))
                    .extracting(n -> n.get("id").asLong()).containsExactly(ids.get(0));
            assertThat(api.get("/api/v1/sessions?status=active").json().get("items")).hasSize(5);
            // case-insensitive, diacritics folded both ways
            assertThat(api.get("/api/v1/sessions?q=%C5%BBANETA").json().get("items")).hasSize(1);
            assertThat(api.get("/api/v1/sessions?q=zdzblo").json().get("items")).hasSize(1);
            assertThat(api.get("/api/v1/sessions?q=kowalski%203").json().get("items")).hasSize(1);
            // the other seller sees none of it
            assertThat(other.get("/api/v1/sessions").json().get("items")).isEmpty();
        }

        @Test
        void badListParametersAre400() {
            assertProblem(api.get("/api/v1/sessions?status=open"), 400);
            assertProblem(api.get("/api/v1/sessions?size=101"), 400);
            assertProblem(api.get("/api/v1/sessions?page=-1"), 400);
            assertProblem(api.get("/api/v1/sessions?page=x"), 400);
        }

        @Test
        void aManagerSeesEveryonesSessionsWithTheirOwner() {
            Actor manager = data.newUser(Role.MANAGER);
            String unique = UUID.randomUUID().toString().substring(0, 8);
            long sessionId = newSession(api, "Widoczny dla kierownika " + unique, "Hej").get("session_id").asLong();
            ApiClient managerApi = ApiClient.as(port, manager.username(), TestData.PASSWORD);
            JsonNode found = managerApi.get("/api/v1/sessions?q=kierownika%20" + unique).json().get("items");
            assertThat(found).hasSize(1);
            assertThat(found.get(0).get("owner").asString()).isEqualTo(seller.username());
            assertThat(managerApi.get("/api/v1/sessions/" + sessionId).status()).isEqualTo(200);
        }

        @Test
        void concludeStoresTheOutcomeAndASecondConclusionIs409() {
            long sessionId = newSession(api, "Klient X", "Porównuje z Teslą").get("session_id").asLong();
            Response r = api.post("/api/v1/sessions/" + sessionId + "/conclude", json("outcome", "lost", "reason",
                    "competitor", "competitor", "Tesla", "value", 189000, "note", "Wybrał Model Y"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(body.get("status").asString()).isEqualTo("closed");
            JsonNode outcome = body.get("outcome_data");
            assertThat(outcome.get("outcome").asString()).isEqualTo("lost");
            assertThat(outcome.get("reason").asString()).isEqualTo("competitor");
            assertThat(outcome.get("competitor").asString()).isEqualTo("Tesla");
            assertThat(outcome.get("value").decimalValue()).isEqualByComparingTo("189000");
            assertThat(outcome.get("currency").asString()).isEqualTo("PLN");
            assertThat(outcome.get("note").asString()).isEqualTo("Wybrał Model Y");
            assertThat(outcome.get("concluded_by").asString()).isEqualTo(seller.username());
            assertThat(outcome.get("concluded_at").asString()).isNotBlank();

            assertProblem(api.post("/api/v1/sessions/" + sessionId + "/conclude", json("outcome", "won")), 409);
            assertThat(api.get("/api/v1/sessions/" + sessionId).json().get("outcome_data").get("outcome").asString())
                    .isEqualTo("lost");
        }

        @Test
        void badConclusionsAre400AndLeaveTheSessionActive() {
            long sessionId = newSession(api, "Klient Y", "Hmm").get("session_id").asLong();
            String path = "/api/v1/sessions/" + sessionId + "/conclude";
            assertProblem(api.post(path, json("outcome", "maybe")), 400);
            assertProblem(api.post(path, json("note", "no outcome")), 400);
            assertProblem(api.post(path, json("outcome", "lost", "reason", "weather")), 400);
            assertProblem(api.post(path, json("outcome", "won", "reason", "price")), 400);
            assertProblem(api.post(path, json("outcome", "won", "value", -5)), 400);
            assertProblem(api.post(path, json("outcome", "won", "note", "n".repeat(4001))), 400);
            assertThat(api.get("/api/v1/sessions/" + sessionId).json().get("status").asString()).isEqualTo("active");
        }

        @Test
        void aStaleVersionIs409() {
            JsonNode first = newSession(api, "Dwie karty", "Pierwsza");
            long sessionId = first.get("session_id").asLong();
            long seenVersion = api.get("/api/v1/sessions/" + sessionId).json().get("version").asLong();
            api.post("/api/v1/interactions", json("session_id", sessionId, "type", "note", "text", "z drugiej karty"));
            assertProblem(api.post("/api/v1/sessions/" + sessionId + "/conclude",
                    json("outcome", "won", "version", seenVersion)), 409);
        }

        @Test
        void foreignAndUnknownSessionsAre404() {
            long sessionId = newSession(api, "Cudzy", "x").get("session_id").asLong();
            assertProblem(other.get("/api/v1/sessions/" + sessionId), 404);
            assertProblem(other.post("/api/v1/sessions/" + sessionId + "/conclude", json("outcome", "won")), 404);
            assertProblem(api.get("/api/v1/sessions/999999999"), 404);
            assertProblem(api.post("/api/v1/sessions/999999999/conclude", json("outcome", "won")), 404);
        }
    }
}
