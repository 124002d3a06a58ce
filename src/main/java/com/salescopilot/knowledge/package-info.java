/**
 * The knowledge base: knowledge nuggets (PostgreSQL is the system of record), their embeddings and the
 * derived vector index (embedded, or Qdrant), hybrid search, import, the knowledge view, and the
 * retrieval into the analysis prompts.
 * <p>
 * The root package is the module's public API: {@link com.salescopilot.knowledge.KnowledgeService} (create,
 * edit, archive, history), {@link com.salescopilot.knowledge.KnowledgeSearch} (hybrid search),
 * {@link com.salescopilot.knowledge.KnowledgeImporter} and the records they hand out. It implements the
 * analysis module's retrieval port ({@code analysis.KnowledgeRetriever}): analysis never depends on
 * knowledge. {@code index} holds the embedding models and the vector indexes, {@code domain} the SQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge",
        allowedDependencies = {"base", "security", "ai", "analysis"})
package com.salescopilot.knowledge;
