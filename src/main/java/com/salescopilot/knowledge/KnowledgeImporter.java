package com.salescopilot.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.base.TextNormalizer;
import com.salescopilot.knowledge.index.KnowledgeIndexer;
import com.salescopilot.security.Actor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports nuggets from a JSON array of objects ({@code id, type, title, content, tags, archetype_filter,
 * source, language}), a CSV file with a header row (the same columns), or Markdown (one nugget per
 * {@code ##} section, optional {@code key: value} lines at its start). Idempotent by external id: a
 * re-import updates (or leaves unchanged) and never duplicates; a row without an id gets one from its
 * title. Each row is its own transaction: a bad row is reported and the others go on; a file that cannot
 * be read at all is refused before anything is written. Unknown types become the closest known type and
 * are reported.
 */
@Service
public class KnowledgeImporter {

    public static final int MAX_CHARS = 10_000_000;
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;,|]");
    private static final Pattern MD_META = Pattern.compile("^(id|type|tags|archetype_filter|archetypes|source|language)\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);

    public enum Format {
        JSON, CSV, MARKDOWN;

        /** From a file name or content type; null when neither tells. */
        public static Format detect(String fileName, String contentType) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (name.endsWith(".json") || type.contains("json")) {
                return JSON;
            }
            if (name.endsWith(".csv") || type.contains("csv")) {
                return CSV;
            }
            if (name.endsWith(".md") || name.endsWith(".markdown") || type.contains("markdown")) {
                return MARKDOWN;
            }
            return null;
        }

        public static Format parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "csv" -> CSV;
                case "md", "markdown" -> MARKDOWN;
                default -> throw new FileRefused("format", FileRefused.Reason.FORMAT, "must be json, csv or markdown");
            };
        }
    }

    /** A file refused as a whole (nothing of it imported), with the reason for the cockpit to translate. */
    public static final class FileRefused extends InvalidInputException {

        public enum Reason { FORMAT, EMPTY, TOO_LARGE, NOT_JSON, NOT_ARRAY, NO_HEADER, NO_COLUMNS, UNCLOSED_QUOTE, NO_SECTION }

        private final Reason reason;

        FileRefused(String field, Reason reason, String message) {
            super(field, message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /**
     * One row that was not imported, by its 1-based number in the file (CSV: the line; Markdown: the section).
     *
     * @param message what was wrong, in English (the API's text)
     * @param fields  the fields that broke a rule (the cockpit translates them); empty when the row could not
     *                be stored for another reason
     */
    public record RowError(int row, String id, String message, List<String> fields) {

        public RowError {
            fields = List.copyOf(fields);
        }
    }

    /**
     * A row imported with a change: its type was unknown (or missing) and it was imported as the closest
     * known type. In the API it is its English sentence.
     */
    public record RowWarning(int row, String type, NuggetType importedAs) {

        @JsonValue
        public String message() {
            return "row " + row + ": " + (type == null || type.isBlank() ? "no type" : "unknown type '" + type.strip() + "'")
                    + ", imported as " + importedAs.code();
        }
    }

    /** What an import did. {@code warnings}: rows imported with a change (an unknown type mapped). */
    public record ImportReport(int total, int created, int updated, int unchanged, List<RowError> errors,
                               List<RowWarning> warnings) {

        public int imported() {
            return created + updated + unchanged;
        }
    }

    /** A row as read from the file, before validation. */
    record Row(int number, String id, String type, String title, String content, List<String> tags,
               List<String> archetypes, String source, String language) {
    }

    private final KnowledgeService knowledge;
    private final KnowledgeIndexer indexer;
    private final JsonMapper json;

    KnowledgeImporter(KnowledgeService knowledge, KnowledgeIndexer indexer, JsonMapper json) {
        this.knowledge = knowledge;
        this.indexer = indexer;
        this.json = json;
    }

    /**
     * @param progress told (rows done, rows in all) after each row; may be null
     */
    public ImportReport importText(Actor actor, String text, Format format, BiConsumer<Integer, Integer> progress) {
        actor.requireManagerOrAdmin();
        if (text == null || text.isBlank()) {
            throw new FileRefused("file", FileRefused.Reason.EMPTY, "is empty");
        }
        if (text.length() > MAX_CHARS) {
            throw new FileRefused("file", FileRefused.Reason.TOO_LARGE, "is larger than " + MAX_CHARS / 1_000_000 + " million characters");
        }
        if (format == null) {
            throw new FileRefused("format", FileRefused.Reason.FORMAT,
                    "unknown: name the file .json, .csv or .md, or give the format");
        }
        String clean = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = switch (format) {
            case JSON -> json(clean);
            case CSV -> csv(clean);
            case MARKDOWN -> markdown(clean);
        };
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<RowError> errors = new ArrayList<>();
        List<RowWarning> warnings = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            try {
                NuggetType type = type(row, warnings);
                NuggetInput input = new NuggetInput(type, row.title(), row.content(), row.tags(), row.archetypes(),
                        row.language(), row.source());
                String id = row.id() != null && !row.id().isBlank() ? row.id().strip() : titleId(row.title());
                switch (knowledge.importOne(actor, id, input, false)) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (InvalidInputException e) {
                errors.add(new RowError(row.number(), row.id(), e.getMessage(),
                        e.fieldErrors().keySet().stream().sorted().toList()));
            } catch (RuntimeException e) {
                errors.add(new RowError(row.number(), row.id(), "could not be stored: " + e.getClass().getSimpleName(),
                        List.of()));
            }
            if (progress != null) {
                progress.accept(i + 1, rows.size());
            }
        }
        indexer.processPending(Integer.MAX_VALUE);
        return new ImportReport(rows.size(), created, updated, unchanged, List.copyOf(errors), List.copyOf(warnings));
    }

    private static NuggetType type(Row row, List<RowWarning> warnings) {
        var known = NuggetType.parse(row.type());
        if (known.isPresent()) {
            return known.get();
        }
        NuggetType mapped = closestType(row.type());
        warnings.add(new RowWarning(row.number(), row.type(), mapped));
        return mapped;
    }

    /** An unknown type's closest known one (by the words in it); product when nothing fits. */
    static NuggetType closestType(String type) {
        String t = TextNormalizer.fold(type);
        if (t.contains("rule") || t.contains("regul") || t.contains("zasad")) {
            return NuggetType.META_RULE;
        }
        if (t.contains("pric") || t.contains("cen") || t.contains("price") || t.contains("discount") || t.contains("rabat")
                || t.contains("promo")) {
            return NuggetType.PRICING;
        }
        if (t.contains("financ") || t.contains("finans") || t.contains("leas") || t.contains("kredyt")
                || t.contains("credit") || t.contains("loan") || t.contains("raty")) {
            return NuggetType.FINANCING;
        }
        if (t.contains("compet") || t.contains("konkur") || t.contains("rival")) {
            return NuggetType.COMPETITION;
        }
        if (t.contains("objec") || t.contains("obiekc") || t.contains("zastrz")) {
            return NuggetType.OBJECTION;
        }
        if (t.contains("clos") || t.contains("zamk") || t.contains("finaliz")) {
            return NuggetType.CLOSING;
        }
        if (t.contains("tech") || t.contains("spec") || t.contains("battery") || t.contains("bater") || t.contains("charg")
                || t.contains("ladow")) {
            return NuggetType.TECHNICAL;
        }
        if (t.contains("process") || t.contains("proces") || t.contains("procedur") || t.contains("delivery")
                || t.contains("dostaw")) {
            return NuggetType.PROCESS;
        }
        return NuggetType.PRODUCT;
    }

    /** A stable external id for a row without one: from its folded title. */
    static String titleId(String title) {
        String slug = TextNormalizer.fold(title).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.isEmpty()) {
            return null;
        }
        return "title:" + (slug.length() > 150 ? slug.substring(0, 150) : slug);
    }

    // ---- JSON ---------------------------------------------------------------------------------------------

    private List<Row> json(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw new FileRefused("file", FileRefused.Reason.NOT_JSON, "is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        }
        if (root == null || !root.isArray()) {
            throw new FileRefused("file", FileRefused.Reason.NOT_ARRAY, "must be a JSON array of nugget objects");
        }
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (JsonNode node : root) {
            number++;
            if (!node.isObject()) {
                rows.add(new Row(number, null, null, null, null, List.of(), List.of(), null, null));
                continue;
            }
            rows.add(new Row(number, text(node, "id"), text(node, "type"), text(node, "title"), text(node, "content"),
                    list(node.get("tags")), list(node.has("archetype_filter") ? node.get("archetype_filter")
                    : node.get("archetypes")), text(node, "source"), text(node, "language")));
        }
        return rows;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString();
    }

    private static List<String> list(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<String> out = new ArrayList<>();
            node.forEach(v -> out.add(v.asString()));
            return out;
        }
        return split(node.asString());
    }

    private static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return LIST_SEPARATOR.splitAsStream(text).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    // ---- CSV ----------------------------------------------------------------------------------------------

    private static List<Row> csv(String text) {
        List<List<String>> records = parseCsv(text);
        if (records.isEmpty()) {
            throw new FileRefused("file", FileRefused.Reason.NO_HEADER, "has no header row");
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> header = records.getFirst();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        if (!columns.containsKey("title") || !columns.containsKey("content")) {
            throw new FileRefused("file", FileRefused.Reason.NO_COLUMNS, "the CSV header must name at least the columns title and content "
                    + "(got: " + String.join(", ", header) + ")");
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.size() == 1 && record.getFirst().isBlank()) {
                continue; // an empty line
            }
            int number = r + 1;
            rows.add(new Row(number, cell(record, columns, "id"), cell(record, columns, "type"),
                    cell(record, columns, "title"), cell(record, columns, "content"), split(cell(record, columns, "tags")),
                    split(columns.containsKey("archetype_filter") ? cell(record, columns, "archetype_filter")
                            : cell(record, columns, "archetypes")),
                    cell(record, columns, "source"), cell(record, columns, "language")));
        }
        return rows;
    }

    private static String cell(List<String> record, Map<String, Integer> columns, String name) {
        Integer at = columns.get(name);
        return at == null || at >= record.size() ? null : record.get(at);
    }

    /** RFC 4180: commas (or semicolons, if the header has no comma), double quotes, "" inside quotes, CRLF or LF. */
    static List<List<String>> parseCsv(String text) {
        int firstLineEnd = text.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char separator = !firstLine.contains(",") && firstLine.contains(";") ? ';' : ',';
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new FileRefused("file", FileRefused.Reason.UNCLOSED_QUOTE, "is not valid CSV: a quoted value is never closed");
        }
        if (!cell.isEmpty() || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }

    // ---- Markdown -----------------------------------------------------------------------------------------

    private static List<Row> markdown(String text) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\\r?\\n", -1);
        String title = null;
        StringBuilder content = new StringBuilder();
        Map<String, String> meta = new LinkedHashMap<>();
        boolean inMeta = false;
        int number = 0;
        for (String line : lines) {
            if (line.startsWith("## ") || line.equals("##")) {
                if (title != null) {
                    rows.add(mdRow(++number, title, content, meta));
                }
                title = line.substring(2).strip();
                content.setLength(0);
                meta.clear();
                inMeta = true;
                continue;
            }
            if (title == null) {
                continue; // text before the first section (e.g. a "# " heading)
            }
            if (inMeta) {
                var m = MD_META.matcher(line.strip());
                if (m.matches()) {
                    meta.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
                    continue;
                }
                if (line.isBlank() && content.isEmpty()) {
                    continue;
                }
                inMeta = false;
            }
            content.append(line).append('\n');
        }
        if (title != null) {
            rows.add(mdRow(++number, title, content, meta));
        }
        if (rows.isEmpty()) {
            throw new FileRefused("file", FileRefused.Reason.NO_SECTION, "has no '## ' section: Markdown needs one '## Title' per nugget");
        }
        return rows;
    }

    private static Row mdRow(int number, String title, StringBuilder content, Map<String, String> meta) {
        return new Row(number, meta.get("id"), meta.get("type"), title, content.toString().strip(),
                split(meta.get("tags")), split(meta.getOrDefault("archetype_filter", meta.get("archetypes"))),
                meta.get("source"), meta.get("language"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
