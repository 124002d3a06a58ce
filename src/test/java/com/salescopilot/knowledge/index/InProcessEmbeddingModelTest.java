package com.salescopilot.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our own ONNX session (one thread, no spinning) must give LangChain4j's model's vectors, to the bit. */
class InProcessEmbeddingModelTest {

    @Test
    void givesTheSameVectorsAsLangChain4jsModel() {
        var ours = new InProcessEmbeddingModel();
        var theirs = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String text : List.of("Czy jest zniżka dla rodziny wielodzietnej?",
                "How long does charging take on the motorway?",
                "Klient mówi, że cena jest za wysoka w porównaniu z konkurencją i pyta o leasing dla firmy")) {
            assertThat(ours.embed(text).content().vector()).containsExactly(theirs.embed(text).content().vector());
        }
        assertThat(ours.dimension()).isEqualTo(384);
    }
}
