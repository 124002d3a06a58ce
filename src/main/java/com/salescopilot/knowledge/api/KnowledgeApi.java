package com.salescopilot.knowledge.api;

import com.salescopilot.base.InvalidInputException;
import com.salescopilot.base.api.PageResponse;
import com.salescopilot.base.api.Paging;
import com.salescopilot.knowledge.KnowledgeFilter;
import com.salescopilot.knowledge.KnowledgeImporter;
import com.salescopilot.knowledge.KnowledgeImporter.ImportReport;
import com.salescopilot.knowledge.KnowledgeSearch;
import com.salescopilot.knowledge.KnowledgeService;
import com.salescopilot.knowledge.Nugget;
import com.salescopilot.knowledge.NuggetInput;
import com.salescopilot.knowledge.NuggetRevision;
import com.salescopilot.knowledge.NuggetStatus;
import com.salescopilot.knowledge.NuggetType;
import com.salescopilot.knowledge.SearchHit;
import com.salescopilot.knowledge.index.KnowledgeIndexer;
import com.salescopilot.knowledge.index.KnowledgeIndexer.ReindexReport;
import com.salescopilot.security.Actor;
import com.salescopilot.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/knowledge")
@Tag(name = "Knowledge")
class KnowledgeApi {

    /** A nugget as sent: {@code type} is one of product, pricing, …, meta-rule. */
    record NuggetRequest(String type, String title, String content, List<String> tags, List<String> archetypeFilter,
                         String language, String source, Integer version) {
    }

    record NuggetResponse(long id, String ref, String externalId, String type, String title, String content,
                          List<String> tags, List<String> archetypeFilter, String language, String source, String origin,
                          String status, String author, Instant createdAt, Instant updatedAt, int version) {
        static NuggetResponse of(Nugget n) {
            return new NuggetResponse(n.id(), n.ref(), n.externalId(), n.type().code(), n.title(), n.content(), n.tags(),
                    n.archetypes(), n.language(), n.source(), n.origin().name().toLowerCase(Locale.ROOT),
                    n.status().name().toLowerCase(Locale.ROOT), n.authorName(), n.createdAt(), n.updatedAt(), n.version());
        }
    }

    record SearchRequest(String query, List<String> types, List<String> tags, Integer limit, String archetype,
                         String language) {
    }

    record SearchResult(NuggetResponse nugget, double score, Integer vectorRank, Integer textRank) {
    }

    record SearchResponse(String query, List<SearchResult> results) {
    }

    record RevisionResponse(int version, String action, String changedBy, Instant changedAt, String title) {
    }

    private final KnowledgeService knowledge;
    private final KnowledgeSearch search;
    private final KnowledgeImporter importer;
    private final KnowledgeIndexer indexer;
    private final CurrentUser currentUser;

    KnowledgeApi(KnowledgeService knowledge, KnowledgeSearch search, KnowledgeImporter importer, KnowledgeIndexer indexer,
                 CurrentUser currentUser) {
        this.knowledge = knowledge;
        this.search = search;
        this.importer = importer;
        this.indexer = indexer;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "List nuggets, newest change first; filter by type, tag and status (active by default)")
    PageResponse<NuggetResponse> list(@RequestParam(required = false) List<String> type,
                                      @RequestParam(required = false) List<String> tag,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        KnowledgeFilter filter = new KnowledgeFilter(types(type), tag == null ? Set.of() : Set.copyOf(tag), null, null,
                status(status));
        return PageResponse.of(knowledge.list(currentUser.require(), filter, Paging.of(page, size)), NuggetResponse::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a nugget (manager, admin)")
    NuggetResponse create(@RequestBody NuggetRequest request) {
        return NuggetResponse.of(knowledge.create(currentUser.require(), input(request)));
    }

    @GetMapping("/{id}")
    NuggetResponse get(@PathVariable long id) {
        return NuggetResponse.of(knowledge.get(currentUser.require(), id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a nugget (manager, admin); send the version you read to detect concurrent edits (409)")
    NuggetResponse update(@PathVariable long id, @RequestBody NuggetRequest request) {
        return NuggetResponse.of(knowledge.update(currentUser.require(), id, input(request), request.version()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Archive a nugget (manager, admin): kept with its history, no longer searched or retrieved")
    void archive(@PathVariable long id) {
        knowledge.archive(currentUser.require(), id);
    }

    @PostMapping("/{id}/restore")
    @Operation(summary = "Restore an archived nugget (manager, admin)")
    NuggetResponse restore(@PathVariable long id) {
        return NuggetResponse.of(knowledge.restore(currentUser.require(), id));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "A nugget's versions, newest first: what happened, who, when")
    List<RevisionResponse> history(@PathVariable long id) {
        return knowledge.history(currentUser.require(), id).stream()
                .map(r -> new RevisionResponse(r.version(), r.action().name().toLowerCase(Locale.ROOT), r.changedBy(),
                        r.changedAt(), r.title()))
                .toList();
    }

    @PostMapping("/search")
    @Operation(summary = "Hybrid search (full text + vectors, reciprocal rank fusion) over active nuggets")
    SearchResponse search(@RequestBody SearchRequest request) {
        Actor actor = currentUser.require();
        if (request == null || request.query() == null || request.query().isBlank()) {
            throw new InvalidInputException("query", "must not be empty");
        }
        if (request.query().length() > 2000) {
            throw new InvalidInputException("query", "must be at most 2000 characters");
        }
        int limit = request.limit() == null ? 10 : request.limit();
        if (limit < 1 || limit > KnowledgeSearch.MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + KnowledgeSearch.MAX_LIMIT);
        }
        KnowledgeFilter filter = new KnowledgeFilter(types(request.types()),
                request.tags() == null ? Set.of() : Set.copyOf(request.tags()), request.archetype(), request.language(),
                NuggetStatus.ACTIVE);
        java.util.Objects.requireNonNull(actor);
        List<SearchHit> hits = search.search(request.query(), filter, limit);
        return new SearchResponse(request.query(), hits.stream()
                .map(h -> new SearchResult(NuggetResponse.of(h.nugget()), h.score(), h.vectorRank(), h.textRank()))
                .toList());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a file (JSON array, CSV with a header row, or Markdown with one '## ' section per nugget)"
            + "; idempotent by external id; per-row errors are reported, the other rows imported (manager, admin)")
    ImportReport importFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String format)
            throws IOException {
        KnowledgeImporter.Format chosen = KnowledgeImporter.Format.parse(format);
        if (chosen == null) {
            chosen = KnowledgeImporter.Format.detect(file.getOriginalFilename(), file.getContentType());
        }
        return importer.importText(currentUser.require(), new String(file.getBytes(), StandardCharsets.UTF_8), chosen,
                null);
    }

    @PostMapping(path = "/import", consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv", "text/markdown",
            MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import the request body (the format from Content-Type or ?format=)")
    ImportReport importBody(@RequestBody String body, @RequestHeader("Content-Type") String contentType,
                            @RequestParam(required = false) String format) {
        KnowledgeImporter.Format chosen = KnowledgeImporter.Format.parse(format);
        if (chosen == null) {
            chosen = KnowledgeImporter.Format.detect(null, contentType);
        }
        return importer.importText(currentUser.require(), body, chosen, null);
    }

    @PostMapping("/reindex")
    @Operation(summary = "Wipe the vector index and rebuild it from PostgreSQL (admin)")
    ReindexReport reindex() {
        currentUser.require().requireAdmin();
        return indexer.reindex();
    }

    private static NuggetInput input(NuggetRequest r) {
        if (r == null) {
            throw new InvalidInputException("content", "must not be empty");
        }
        NuggetType type = null;
        if (r.type() != null && !r.type().isBlank()) {
            type = NuggetType.parse(r.type()).orElseThrow(() -> new InvalidInputException("type",
                    "'" + r.type() + "' is not one of " + codes()));
        }
        return new NuggetInput(type, r.title(), r.content(), r.tags(), r.archetypeFilter(), r.language(), r.source());
    }

    private static Set<NuggetType> types(List<String> codes) {
        Set<NuggetType> out = new LinkedHashSet<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            out.add(NuggetType.parse(code).orElseThrow(() -> new InvalidInputException("types",
                    "'" + code + "' is not one of " + codes())));
        }
        return out;
    }

    private static NuggetStatus status(String status) {
        if (status == null || status.isBlank()) {
            return NuggetStatus.ACTIVE;
        }
        try {
            return NuggetStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be active or archived");
        }
    }

    private static String codes() {
        return String.join(", ", Arrays.stream(NuggetType.values()).map(NuggetType::code).toList());
    }
}
