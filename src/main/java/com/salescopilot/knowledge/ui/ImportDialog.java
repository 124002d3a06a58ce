package com.salescopilot.knowledge.ui;

import com.salescopilot.base.InvalidInputException;
import com.salescopilot.knowledge.KnowledgeImporter;
import com.salescopilot.knowledge.KnowledgeImporter.ImportReport;
import com.salescopilot.knowledge.KnowledgeImporter.RowError;
import com.salescopilot.security.Actor;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Import of a JSON, CSV or Markdown file: the file is read in memory, imported row by row on a
 * background thread with a progress bar, then the report (created, updated, unchanged, each row that
 * failed and why) replaces the bar.
 */
final class ImportDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(ImportDialog.class);
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final KnowledgeImporter importer;
    private final Actor actor;
    private final Runnable onImported;

    final Upload upload;
    final ProgressBar progress = new ProgressBar();
    final Paragraph status = new Paragraph();
    final Div report = new Div();

    ImportDialog(KnowledgeImporter importer, Actor actor, Runnable onImported) {
        this.importer = importer;
        this.actor = actor;
        this.onImported = onImported;
        addClassName("knowledge-import-dialog");
        setHeaderTitle(getTranslation("knowledge.import.title"));
        setWidth("40em");
        Paragraph help = new Paragraph(getTranslation("knowledge.import.help"));
        UI ui = UI.getCurrent(); // the upload's callback may run without a current UI
        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String name = metadata.fileName();
            Thread.ofVirtual().name("knowledge-import").start(() -> run(ui, name, bytes));
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".json", ".csv", ".md", ".markdown", "application/json", "text/csv", "text/markdown");
        upload.setId("knowledge-upload");
        upload.setI18n(uploadTexts());
        progress.setVisible(false);
        progress.setId("knowledge-import-progress");
        status.setId("knowledge-import-status");
        report.setId("knowledge-import-report");
        add(help, upload, progress, status, report);
        Button close = new Button(getTranslation("knowledge.close"), e -> close());
        close.setId("knowledge-import-close");
        getFooter().add(close);
    }

    /** The upload widget's own texts (its button, drop zone, statuses and errors) in the user's language. */
    private UploadI18N uploadTexts() {
        return new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles().setOne(t("drop")).setMany(t("drop")))
                .setAddFiles(new UploadI18N.AddFiles().setOne(t("add")).setMany(t("add")))
                .setError(new UploadI18N.Error().setTooManyFiles(t("too-many")).setFileIsTooBig(t("too-big"))
                        .setIncorrectFileType(t("wrong-type")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting(t("connecting"))
                                .setStalled(t("stalled")).setProcessing(t("processing")).setHeld(t("held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t("remaining"))
                                .setUnknown(t("remaining-unknown")))
                        .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t("server-unavailable"))
                                .setUnexpectedServerError(t("server-error")).setForbidden(t("forbidden"))
                                .setFileTooLarge(t("too-big"))))
                .setFile(new UploadI18N.File().setRetry(t("retry")).setStart(t("start")).setRemove(t("remove")));
    }

    private String t(String key) {
        return getTranslation("knowledge.upload." + key);
    }

    private void run(UI ui, String fileName, byte[] bytes) {
        try {
            ImportReport result = importNow(fileName, bytes, (done, total) -> ui.access(() -> showProgress(done, total)));
            ui.access(() -> showReport(result));
        } catch (InvalidInputException e) {
            ui.access(() -> showFailure(e));
        } catch (RuntimeException e) {
            log.error("Import of {} failed", fileName, e);
            ui.access(() -> showFailure(null));
        }
    }

    /** Imports on the calling thread (the background thread, or a test). */
    ImportReport importNow(String fileName, byte[] bytes, java.util.function.BiConsumer<Integer, Integer> onProgress) {
        KnowledgeImporter.Format format = KnowledgeImporter.Format.detect(fileName, null);
        return importer.importText(actor, new String(bytes, StandardCharsets.UTF_8), format, onProgress);
    }

    void showProgress(int done, int total) {
        progress.setVisible(true);
        progress.setMax(Math.max(1, total));
        progress.setValue(done);
        status.setText(getTranslation("knowledge.import.progress", done, total));
    }

    void showReport(ImportReport result) {
        progress.setVisible(false);
        status.setText(getTranslation("knowledge.import.done", result.created(), result.updated(), result.unchanged(),
                result.errors().size()));
        report.removeAll();
        if (!result.errors().isEmpty() || !result.warnings().isEmpty()) {
            UnorderedList list = new UnorderedList();
            result.errors().forEach(e -> list.add(new ListItem(getTranslation("knowledge.import.row-error", e.row(),
                    reason(e)))));
            result.warnings().forEach(w -> list.add(new ListItem(w.type() == null || w.type().isBlank()
                    ? getTranslation("knowledge.import.row-no-type", w.row(),
                            getTranslation("knowledge.type." + w.importedAs().code()))
                    : getTranslation("knowledge.import.row-unknown-type", w.row(), w.type().strip(),
                            getTranslation("knowledge.type." + w.importedAs().code())))));
            report.add(list);
        }
        onImported.run();
    }

    /** Why a row was not imported, in the user's language (the report's English text is the API's). */
    private String reason(RowError error) {
        if (error.fields().isEmpty()) {
            return getTranslation("knowledge.import.row-not-stored");
        }
        return String.join(" ", error.fields().stream()
                .map(field -> NuggetFieldErrors.message(this, field)
                        .orElseGet(() -> getTranslation("knowledge.import.row-not-stored")))
                .distinct().toList());
    }

    void showFailure(InvalidInputException e) {
        progress.setVisible(false);
        if (e == null) {
            status.setText(getTranslation("knowledge.import.failed"));
        } else if (e instanceof KnowledgeImporter.FileRefused refused) {
            status.setText(getTranslation("knowledge.import.refused", getTranslation("knowledge.import.refused."
                    + refused.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    KnowledgeImporter.MAX_CHARS / 1_000_000)));
        } else {
            status.setText(getTranslation("knowledge.import.refused", e.getMessage()));
        }
    }
}
