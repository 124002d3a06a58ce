package com.salescopilot.knowledge;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge API over real HTTP: CRUD with archive as DELETE, RFC 9457 problems for bad input, hybrid
 * search with scores, idempotent import of JSON, CSV and Markdown with per-row errors, a malformed file
 * refused whole, and re-index for admins only.
 */
@HttpTest
// A fresh context: Vaadin installs its security-context strategy in the static SecurityContextHolder, so a
// cached HTTP context started before a later-created (Karibu) context no longer sees its own request's user.
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class KnowledgeApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    ApiClient manager;
    ApiClient seller;
    ApiClient admin;
    String tag;
    String prefix;

    @BeforeEach
    void setUp() {
        Actor m = data.newUser(Role.MANAGER);
        Actor s = data.newUser(Role.SELLER);
        manager = ApiClient.as(port, m.username(), TestData.PASSWORD);
        seller = ApiClient.as(port, s.username(), TestData.PASSWORD);
        admin = ApiClient.as(port, "admin", "admin-test-password");
        tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        prefix = "ext-" + tag + "-";
    }

    @Test
    void createReadUpdateArchiveOverHttp() {
        Response created = manager.post("/api/v1/knowledge", json("type", "financing", "title", "Kredyt 0%",
                "content", "Kredyt 0% na 36 miesięcy przy wpłacie 30%.", "tags", List.of(tag, "Kredyt"),
                "archetype_filter", List.of("Analityk"), "language", "pl"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode n = created.json();
        long id = n.get("id").asLong();
        assertThat(n.get("type").asString()).isEqualTo("financing");
        assertThat(n.get("ref").asString()).isEqualTo("K" + id);
        assertThat(n.get("tags").toString()).contains("kredyt");
        assertThat(n.get("archetype_filter").get(0).asString()).isEqualTo("Analityk");

        assertThat(seller.get("/api/v1/knowledge/" + id).json().get("title").asString()).isEqualTo("Kredyt 0%");
        assertThat(seller.post("/api/v1/knowledge", json("type", "product", "title", "x", "content", "y")).status())
                .isEqualTo(403);

        Response updated = manager.put("/api/v1/knowledge/" + id, json("type", "financing", "title", "Kredyt 0% (nowy)",
                "content", "Kredyt 0% na 48 miesięcy.", "tags", List.of(tag), "version", 1));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(2);
        Response stale = manager.put("/api/v1/knowledge/" + id, json("type", "financing", "title", "t", "content", "c",
                "version", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();

        assertThat(manager.delete("/api/v1/knowledge/" + id).status()).isEqualTo(204);
        assertThat(seller.get("/api/v1/knowledge/" + id).json().get("status").asString()).isEqualTo("archived");
        assertThat(seller.get("/api/v1/knowledge?tag=" + tag).json().get("items")).isEmpty();
        assertThat(seller.get("/api/v1/knowledge?status=archived&tag=" + tag).json().get("items")).hasSize(1);
        JsonNode history = seller.get("/api/v1/knowledge/" + id + "/history").json();
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("action").asString()).isEqualTo("archived");
        assertThat(seller.get("/api/v1/knowledge/999999999").status()).isEqualTo(404);
    }

    @Test
    void badInputGetsClearProblems() {
        Response empty = manager.post("/api/v1/knowledge", json("type", "product", "title", "Pusty", "content", " "));
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(empty.isProblem()).isTrue();
        assertThat(empty.json().get("errors").get("content").asString()).isEqualTo("must not be empty");

        Response huge = manager.post("/api/v1/knowledge", json("type", "product", "title", "Duży",
                "content", "x".repeat(20_001)));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().get("errors").get("content").asString()).contains("at most 20000");

        Response type = manager.post("/api/v1/knowledge", json("type", "gossip", "title", "t", "content", "c"));
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.json().get("errors").get("type").asString()).contains("'gossip' is not one of").contains("meta-rule");

        assertThat(manager.post("/api/v1/knowledge", "{not json").status()).isEqualTo(400);
        assertThat(seller.post("/api/v1/knowledge/search", json("query", "")).status()).isEqualTo(400);
        assertThat(seller.post("/api/v1/knowledge/search", json("query", "x", "limit", 500)).status()).isEqualTo(400);
    }

    @Test
    void searchRanksWithScoresAndFilters() {
        manager.post("/api/v1/knowledge", json("type", "technical", "title", "Ładowarka DC 150 kW",
                "content", "Na szybkiej ładowarce DC bateria ładuje się od 10 do 80% w 28 minut.", "tags", List.of(tag)));
        manager.post("/api/v1/knowledge", json("type", "pricing", "title", "Cennik wersji Long Range",
                "content", "Wersja Long Range kosztuje 229 900 zł brutto.", "tags", List.of(tag)));
        JsonNode results = seller.post("/api/v1/knowledge/search", json("query", "jak szybko ładuje się na ładowarkach",
                "tags", List.of(tag), "limit", 5)).json().get("results");
        assertThat(results).isNotEmpty();
        assertThat(results.get(0).get("nugget").get("title").asString()).isEqualTo("Ładowarka DC 150 kW");
        assertThat(results.get(0).get("score").asDouble()).isPositive();

        JsonNode pricing = seller.post("/api/v1/knowledge/search", json("query", "ładowanie cena", "types",
                List.of("pricing"), "tags", List.of(tag))).json().get("results");
        assertThat(pricing).hasSize(1);
        assertThat(pricing.get(0).get("nugget").get("type").asString()).isEqualTo("pricing");
    }

    @Test
    void importOfAllThreeFormatsIsIdempotentAndReportsRowErrors() {
        String jsonFile = """
                [
                  {"id": "%1$sj1", "type": "pricing", "title": "Rabat flotowy", "content": "Firmy z 5+ autami: 7%% rabatu.",
                   "tags": ["flota", "%2$s"], "archetype_filter": "Analityk", "source": "https://example.com/flota"},
                  {"id": "%1$sj2", "type": "small talk", "title": "Pogoda", "content": "Rozmowa o pogodzie otwiera.",
                   "tags": "%2$s"},
                  {"id": "%1$sj3", "type": "product", "title": "Bez treści", "content": "", "tags": ["%2$s"]}
                ]""".formatted(prefix, tag);
        JsonNode first = manager.post("/api/v1/knowledge/import", "application/json", jsonFile).json();
        assertThat(first.get("created").asInt()).isEqualTo(2);
        assertThat(first.get("errors")).hasSize(1);
        assertThat(first.get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(first.get("errors").get(0).get("message").asString()).contains("content");
        assertThat(first.get("errors").get(0).get("fields").get(0).asString()).isEqualTo("content");
        assertThat(first.get("warnings").get(0).asString()).contains("unknown type 'small talk'");
        JsonNode again = manager.post("/api/v1/knowledge/import", "application/json", jsonFile).json();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);

        String csv = "id,type,title,content,tags\n"
                + prefix + "c1,objection,Za drogo,\"Klient mówi \"\"za drogo\"\": pokaż koszt całkowity, nie cenę.\"," + tag + ";cena\n"
                + prefix + "c2,closing,Jazda próbna,Zaproponuj jazdę próbną na weekend.," + tag + "\n";
        JsonNode csvReport = manager.post("/api/v1/knowledge/import", "text/csv", csv).json();
        assertThat(csvReport.get("created").asInt()).isEqualTo(2);
        String csvChanged = csv.replace("na weekend", "na cały weekend");
        JsonNode csvAgain = manager.post("/api/v1/knowledge/import", "text/csv", csvChanged).json();
        assertThat(csvAgain.get("updated").asInt()).isEqualTo(1);
        assertThat(csvAgain.get("unchanged").asInt()).isEqualTo(1);

        String md = """
                # Wiedza salonu

                ## Gwarancja na baterię
                id: %1$sm1
                type: technical
                tags: %2$s, bateria

                Gwarancja na baterię trwa 8 lat lub 160 000 km.

                ## Nie obiecuj terminów %2$s
                type: meta-rule
                tags: %2$s

                Nigdy nie podawaj terminu dostawy bez potwierdzenia.
                """.formatted(prefix, tag);
        JsonNode mdReport = manager.post("/api/v1/knowledge/import", "text/markdown", md).json();
        assertThat(mdReport.get("created").asInt()).isEqualTo(2);
        assertThat(manager.post("/api/v1/knowledge/import", "text/markdown", md).json().get("unchanged").asInt())
                .isEqualTo(2);

        JsonNode items = seller.get("/api/v1/knowledge?size=50&tag=" + tag).json().get("items");
        List<String> titles = new ArrayList<>();
        items.forEach(i -> titles.add(i.get("title").asString()));
        assertThat(titles).containsExactlyInAnyOrder("Rabat flotowy", "Pogoda", "Za drogo", "Jazda próbna",
                "Gwarancja na baterię", "Nie obiecuj terminów " + tag);
        items.forEach(i -> {
            if (i.get("title").asString().equals("Za drogo")) {
                assertThat(i.get("content").asString()).startsWith("Klient mówi \"za drogo\": pokaż");
                assertThat(i.get("origin").asString()).isEqualTo("import");
            }
            if (i.get("title").asString().equals("Nie obiecuj terminów " + tag)) {
                assertThat(i.get("type").asString()).isEqualTo("meta-rule");
            }
            if (i.get("title").asString().equals("Gwarancja na baterię")) {
                assertThat(i.get("content").asString()).isEqualTo("Gwarancja na baterię trwa 8 lat lub 160 000 km.");
            }
        });
        assertThat(seller.post("/api/v1/knowledge/import", "application/json", jsonFile).status()).isEqualTo(403);
    }

    @Test
    void aMalformedFileIsRefusedWholeWithAClearMessage() {
        Response broken = manager.post("/api/v1/knowledge/import", "application/json",
                "[{\"id\": \"" + prefix + "x\", \"title\": \"A\", \"content\": \"B\"},");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.isProblem()).isTrue();
        assertThat(broken.json().get("errors").get("file").asString()).startsWith("is not valid JSON");
        Response notArray = manager.post("/api/v1/knowledge/import", "application/json", "{\"title\": \"A\"}");
        assertThat(notArray.json().get("errors").get("file").asString()).contains("JSON array");
        Response csv = manager.post("/api/v1/knowledge/import", "text/csv", "name,text\nA,B\n");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.json().get("errors").get("file").asString()).contains("title and content");
        Response md = manager.post("/api/v1/knowledge/import", "text/markdown", "just text, no sections");
        assertThat(md.json().get("errors").get("file").asString()).contains("## ");
        assertThat(jdbc.sql("select count(*) from knowledge_nugget where external_id like ?").param(prefix + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void reindexIsForAdminsAndReportsTheIndex() {
        assertThat(manager.post("/api/v1/knowledge/reindex", "{}").status()).isEqualTo(403);
        Response done = admin.post("/api/v1/knowledge/reindex", "{}");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("index").asString()).isEqualTo("embedded");
        assertThat(done.json().get("still_pending").asLong()).isZero();
        assertThat(done.json().get("indexed").asLong()).isEqualTo(
                jdbc.sql("select count(*) from knowledge_nugget").query(Long.class).single());
    }
}
