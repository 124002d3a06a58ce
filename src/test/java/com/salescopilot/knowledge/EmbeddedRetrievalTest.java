package com.salescopilot.knowledge;

import com.salescopilot.support.IntegrationTest;

/** The retrieval suite against the embedded in-memory vector index (the default). */
@IntegrationTest
class EmbeddedRetrievalTest extends RetrievalSuite {

    @Override
    String indexName() {
        return "embedded";
    }
}
